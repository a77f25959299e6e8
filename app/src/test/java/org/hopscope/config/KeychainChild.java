package org.hopscope.config;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.hopscope.config.Keychain.KeychainException;
import org.hopscope.oncall.Connector;

/**
 * The child JVM of {@link OsKeychainSecretServiceTest}: runs one scenario against the real OS
 * keychain of its session and prints what happened, one fact a line, for the parent to compare.
 */
public final class KeychainChild {

  private KeychainChild() {}

  public static void main(String[] args) throws Exception {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    OsKeychain keychain = new OsKeychain(Duration.ofSeconds(10), Duration.ofSeconds(15));
    Path config = Path.of(args[1]);
    switch (args[0]) {
      case "unlocked" -> unlocked(keychain, config, out);
      case "locked" -> {
        out.println("available " + (keychain.unavailableReason() == null));
        try {
          keychain.write("t/elasticsearch/password", "x");
          out.println("stored");
        } catch (KeychainException e) {
          out.println("write " + e.kind());
        }
      }
      case "none" -> {
        out.println("unavailable " + keychain.unavailableReason());
        connect(config, keychain, out);
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
    out.flush();
    System.exit(0);
  }

  private static void unlocked(OsKeychain keychain, Path config, PrintWriter out) throws Exception {
    out.println("available " + (keychain.unavailableReason() == null));
    keychain.write("t/elasticsearch/password", "s3cret ü");
    out.println("read " + keychain.read("t/elasticsearch/password"));
    try {
      keychain.read("t/prometheus/token");
    } catch (KeychainException e) {
      out.println("missing " + e.kind() + ": " + e.getMessage());
    }
    out.println("deleted " + keychain.delete("t/elasticsearch/password"));
    out.println("deleted again " + keychain.delete("t/elasticsearch/password"));
    // the command line moves the profile's password into the keychain, reading it from stdin
    StringWriter cliOut = new StringWriter();
    StringWriter cliErr = new StringWriter();
    int code =
        org.hopscope.cli.Main.run(
            new org.hopscope.cli.CliContext(
                Map.of(),
                system(config),
                java.time.Clock.systemUTC(),
                config,
                new PrintWriter(cliOut, true),
                new PrintWriter(cliErr, true)),
            "profile",
            "secret",
            "set",
            "prod");
    out.println("cli exit " + code);
    out.print("cli out " + cliOut);
    out.print("cli err " + cliErr + (cliErr.toString().isEmpty() ? "\n" : ""));
    Path file = config.resolve("profiles").resolve("prod.yaml");
    out.println(
        "file "
            + Files.readAllLines(file).stream()
                .filter(l -> l.contains("password"))
                .findFirst()
                .orElse("(no password line)"));
    out.println("keychain " + keychain.read("prod/elasticsearch/password"));
    connect(config, keychain, out);
    keychain.delete("prod/elasticsearch/password");
  }

  private static void connect(Path config, Keychain keychain, PrintWriter out) {
    try {
      Connector connector =
          new Connector(Map.of(), system(config), config, config.resolve("queries"), keychain);
      out.println(
          "connected "
              + connector
                  .connection(new ConnectionFlags("prod", null, null, null))
                  .profile()
                  .elasticsearch()
                  .auth()
                  .equals(new org.hopscope.model.connection.Auth.Basic("hopscope", "cli-secret")));
    } catch (ConfigException e) {
      out.println("refused " + e.getMessage());
    }
  }

  private static Properties system(Path config) {
    Properties p = new Properties();
    p.setProperty(ConfigDirs.PROPERTY, config.toString());
    p.setProperty("user.home", config.toString());
    return p;
  }
}
