package org.hopscope.report.bundle;

/** Entry names that could escape a folder the archive is unpacked into, or hide what they are. */
final class EntryNames {

  private static final int MAX_LENGTH = 200;

  private EntryNames() {}

  /** Why {@code name} is unsafe, or null when it is a plain relative path. */
  static String unsafe(String name) {
    if (name.isEmpty()) {
      return "has an empty name";
    }
    if (name.length() > MAX_LENGTH) {
      return "has a name longer than " + MAX_LENGTH + " characters";
    }
    if (name.indexOf('\\') >= 0) {
      return "contains a backslash (a Windows path)";
    }
    if (name.startsWith("/")) {
      return "is an absolute path";
    }
    if (name.length() >= 2 && name.charAt(1) == ':') {
      return "starts with a drive letter";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        return "contains a control character";
      }
    }
    for (String segment : name.split("/", -1)) {
      if (segment.equals("..")) {
        return "escapes the archive (..)";
      }
      if (segment.isEmpty() || segment.equals(".")) {
        return name.endsWith("/")
            ? "is a folder, which no bundle holds"
            : "has an empty or '.' part";
      }
    }
    return null;
  }

  /** {@code name} with control characters shown as {@code \\uXXXX}, for messages. */
  static String printable(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length() && i < MAX_LENGTH; i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return name.length() > MAX_LENGTH ? out + "…" : out.toString();
  }
}
