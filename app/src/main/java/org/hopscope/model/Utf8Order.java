package org.hopscope.model;

import java.util.Comparator;

/**
 * Orders strings by their UTF-8 bytes (unsigned), as Elasticsearch sorts keyword terms. UTF-8 byte
 * order equals Unicode code point order, so this compares code points without encoding; {@link
 * String#compareTo} compares UTF-16 units and disagrees for characters above U+FFFF versus
 * U+E000..U+FFFF (e.g. an emoji sorts before U+FF01 in UTF-16 but after it in UTF-8).
 */
public final class Utf8Order implements Comparator<String> {

  /** The one stateless instance. */
  public static final Utf8Order INSTANCE = new Utf8Order();

  private Utf8Order() {}

  @Override
  public int compare(String a, String b) {
    // fast way: UTF-16 units agree with code points until the first unit that differs, and there
    // too when neither is a surrogate or above (U+D800..U+FFFF); the keys met are almost all ASCII
    int n = Math.min(a.length(), b.length());
    for (int k = 0; k < n; k++) {
      char ca = a.charAt(k);
      char cb = b.charAt(k);
      if (ca != cb) {
        return ca < Character.MIN_SURROGATE && cb < Character.MIN_SURROGATE
            ? Integer.compare(ca, cb)
            : byCodePoints(a, b);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  private static int byCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
