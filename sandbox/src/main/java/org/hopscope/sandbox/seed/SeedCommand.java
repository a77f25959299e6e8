package org.hopscope.sandbox.seed;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.hopscope.sandbox.SandboxException;
import org.hopscope.sandbox.SandboxOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hopscope sandbox seed}: records the orders-path incident and the payments path into the
 * running sandbox.
 */
@Command(
    name = "seed",
    mixinStandardHelpOptions = true,
    description = {
      "Records the orders-path incident into the running sandbox: documents of six hops in its"
          + " Elasticsearch or OpenSearch (the same for both), the Prometheus history, and the ground-truth manifest.json (written last);"
          + " beside it the payments path (five hops, no metrics) and payments-manifest.json.",
      "Replaces an earlier seed. The same --seed gives the same messages, payments, classes and"
          + " relative times; the window ends now."
    })
public final class SeedCommand implements Runnable {

  static final Duration MIN_WINDOW = Duration.ofMinutes(20);
  static final Duration MAX_WINDOW = Duration.ofDays(7);
  static final long MAX_MESSAGES = 10_000_000;

  @Mixin SandboxOptions sandbox = new SandboxOptions();

  @Option(
      names = "--messages",
      paramLabel = "N",
      description =
          "Business messages entering the gateway over the window (default: ${DEFAULT-VALUE}).")
  long messages = 20_000;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--window",
      paramLabel = "DURATION",
      converter = WindowConverter.class,
      description = "How far back from now the recording reaches, e.g. 3h, 90m, 1d (default: 3h).")
  Duration window = Duration.ofHours(3);

  @Option(
      names = "--payments",
      paramLabel = "N",
      description =
          "Payments entering payments-api over the window (default: half of --messages; 0 leaves"
              + " the payments path out). The orders seed does not depend on it.")
  Long payments;

  @Option(
      names = "--no-chatty",
      description = "Leave out the message with 100,000 fulfilment log events.")
  boolean noChatty;

  @Override
  public void run() {
    if (messages < 1 || messages > MAX_MESSAGES) {
      throw new SandboxException(
          "--messages " + messages + " is out of range: use 1 to " + MAX_MESSAGES);
    }
    long paymentCount = payments != null ? payments : SeedOptions.defaultPayments(messages);
    if (paymentCount < 0 || paymentCount > MAX_MESSAGES) {
      throw new SandboxException(
          "--payments " + paymentCount + " is out of range: use 0 to " + MAX_MESSAGES);
    }
    if (window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
      throw new SandboxException(
          "--window " + window + " is out of range: use 20m to 7d (the incident needs ~70 min)");
    }
    new Seeder(sandbox.config(), System.out)
        .seed(new SeedOptions(messages, seed, window, !noChatty, Instant.now(), paymentCount));
  }

  /** Parses {@code 90s}, {@code 45m}, {@code 3h}, {@code 2d} or ISO-8601 ({@code PT3H}). */
  static final class WindowConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      try {
        if (v.startsWith("p")) {
          return Duration.parse(v.toUpperCase(Locale.ROOT));
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          case 'd' -> Duration.ofDays(n);
          default -> throw new NumberFormatException();
        };
      } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not a duration: use e.g. 90m, 3h, 1d or PT3H");
      }
    }
  }
}
