package org.hopscope.sandbox;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.hopscope.sandbox.seed.IndexFamily;

/**
 * Security mode of the sandbox's Elasticsearch, made with the distribution's own CLI tools: a CA
 * and a node certificate for 127.0.0.1/localhost ({@code elasticsearch-certutil}, PEM), a
 * file-realm superuser {@value #USER} (the seed writes with it), a read-only file-realm user
 * {@value #READER} with the role {@value #READER_ROLE} ({@code config/roles.yml}: {@code read} and
 * {@code view_index_metadata} on the index patterns of the {@code orders} and {@code payments}
 * paths, {@link #READER_INDICES}, and no cluster privilege; the least a user of Hopscope needs, and
 * what the sandbox's connection profile uses), and a service-account token for {@code
 * elastic/kibana} ({@code elasticsearch-service-tokens}). The distribution has no native realm (no
 * {@code .security} index), hence the file realm.
 *
 * <p>Certificates live in the node's {@code config/certs/} (Elasticsearch reads TLS files only
 * below its config folder); a copy of the CA certificate and the generated secrets are kept in
 * {@code DIR/security/} ({@code ca.crt}, {@code credentials.properties}, mode 600), so a later
 * {@code up --security} reuses them. Secrets are throwaway values for a loopback-only sandbox.
 */
public final class SecuritySetup {

  /** The file-realm superuser. */
  public static final String USER = "hopscope";

  /** The file-realm read-only user (role {@value #READER_ROLE}). */
  public static final String READER = "hopscope-reader";

  /** The read-only user's role. */
  public static final String READER_ROLE = "hopscope-paths-reader";

  /**
   * The index patterns the read-only user may read: those of the seed's index families (both paths)
   * and {@code ledger-audit-*}, which queries/payments.yaml names but the seed leaves without an
   * index (a blind source). A test in the app proves they are exactly the patterns of the shipped
   * path definitions.
   */
  public static final List<String> READER_INDICES =
      Stream.concat(
              Stream.of(IndexFamily.values()).map(IndexFamily::pattern),
              Stream.of("ledger-audit-*"))
          .toList();

  private final SandboxConfig config;
  private final ElasticsearchNode node;
  private final ElasticsearchUser user;

  public SecuritySetup(SandboxConfig config, ElasticsearchNode node, ElasticsearchUser user) {
    this.config = config;
    this.node = node;
    this.user = user;
  }

  /** The {@code elasticsearch.yml} lines for HTTPS + TLS transport with the PEM files. */
  public static String settings() {
    List<String> lines = new ArrayList<>(List.of("xpack.security.enabled: true"));
    for (String layer : List.of("http", "transport")) {
      String p = "xpack.security." + layer + ".ssl.";
      lines.add(p + "enabled: true");
      lines.add(p + "key: certs/node/node.key");
      lines.add(p + "certificate: certs/node/node.crt");
      lines.add(p + "certificate_authorities: certs/ca/ca.crt");
    }
    lines.add("xpack.security.transport.ssl.verification_mode: certificate");
    return String.join("\n", lines);
  }

  /** The {@code elasticsearch.yml} line for plain HTTP without authentication. */
  public static String plainSettings() {
    return "xpack.security.enabled: false";
  }

  public Path folder() {
    return config.dir().resolve("security");
  }

  public Path credentialsFile() {
    return folder().resolve("credentials.properties");
  }

  private Path certs() {
    return node.home().resolve("config").resolve("certs");
  }

  /** The credentials made earlier, if they and the node's files are still complete. */
  public java.util.Optional<SecurityCredentials> existing() {
    Path conf = node.home().resolve("config");
    try {
      if (!Files.isRegularFile(credentialsFile())
          || !Files.isRegularFile(certs().resolve("node").resolve("node.crt"))
          || !Files.readString(conf.resolve("users")).contains(USER + ":")
          || !Files.readString(conf.resolve("users")).contains(READER + ":")
          || !Files.isRegularFile(conf.resolve("roles.yml"))
          || !Files.readString(conf.resolve("roles.yml")).startsWith(rolesYml())
          || !Files.isRegularFile(conf.resolve("service_tokens"))
          || !Files.readString(conf.resolve("service_tokens")).contains("elastic/kibana/" + USER)) {
        return java.util.Optional.empty();
      }
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(credentialsFile())) {
        p.load(r);
      }
      return java.util.Optional.of(SecurityCredentials.from(p, folder().resolve("ca.crt")));
    } catch (IOException e) {
      throw new SandboxException("cannot read " + credentialsFile() + ": " + e.getMessage(), e);
    }
  }

  /** Existing credentials, or new certificates, users and token made with the CLI tools. */
  public SecurityCredentials ensure() {
    return existing().orElseGet(this::create);
  }

  private SecurityCredentials create() {
    try {
      Path conf = node.home().resolve("config");
      Tree.delete(certs());
      Files.createDirectories(certs());
      for (String file : List.of("users", "users_roles", "service_tokens")) {
        Files.writeString(conf.resolve(file), "");
      }
      Files.writeString(conf.resolve("roles.yml"), rolesYml());
      user.own(conf);
      Path ca = certs().resolve("ca.zip");
      tool("elasticsearch-certutil", "ca", "--pem", "--silent", "--out", ca.toString());
      unzip(ca, certs());
      tool(
          "elasticsearch-certutil",
          "cert",
          "--pem",
          "--silent",
          "--name",
          "node",
          "--ca-cert",
          certs().resolve("ca/ca.crt").toString(),
          "--ca-key",
          certs().resolve("ca/ca.key").toString(),
          "--ip",
          "127.0.0.1",
          "--dns",
          "localhost",
          "--out",
          certs().resolve("node.zip").toString());
      unzip(certs().resolve("node.zip"), certs());
      user.own(certs());
      String password = randomSecret();
      tool("elasticsearch-users", "useradd", USER, "-p", password, "-r", "superuser");
      String readerPassword = randomSecret();
      String readerOut =
          tool("elasticsearch-users", "useradd", READER, "-p", readerPassword, "-r", READER_ROLE);
      if (readerOut.contains(READER_ROLE)) { // the tool warns about roles it does not know
        throw new SandboxException(
            "elasticsearch-users does not know the role "
                + READER_ROLE
                + " of "
                + conf.resolve("roles.yml")
                + ": "
                + readerOut.strip());
      }
      String tokenOut = tool("elasticsearch-service-tokens", "create", "elastic/kibana", USER);
      String token = tokenOut.substring(tokenOut.lastIndexOf('=') + 1).strip();
      Files.createDirectories(folder());
      Path caCopy = folder().resolve("ca.crt");
      Files.copy(certs().resolve("ca/ca.crt"), caCopy, StandardCopyOption.REPLACE_EXISTING);
      SecurityCredentials creds =
          new SecurityCredentials(caCopy, USER, password, READER, readerPassword, token);
      save(creds);
      return creds;
    } catch (IOException e) {
      throw new SandboxException(
          "cannot set up security in " + node.home() + ": " + e.getMessage(), e);
    }
  }

  /** The file realm's {@code roles.yml}: the read-only role, no cluster privileges. */
  static String rolesYml() {
    StringBuilder yml =
        new StringBuilder(
            "# written by hopscope sandbox up --security: the read-only user's role\n");
    yml.append(READER_ROLE).append(":\n  cluster: []\n  indices:\n    - names:\n");
    READER_INDICES.forEach(p -> yml.append("        - \"").append(p).append("\"\n"));
    yml.append("      privileges: [\"read\", \"view_index_metadata\"]\n");
    return yml.toString();
  }

  private void save(SecurityCredentials creds) throws IOException {
    Path file = credentialsFile();
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer w = Files.newBufferedWriter(file)) {
      creds.toProperties().store(w, "hopscope sandbox: throwaway Elasticsearch credentials");
    }
  }

  private String tool(String name, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(node.home().resolve("bin").resolve(name).toString());
    cmd.addAll(List.of(args));
    return ToolRun.of(user.wrap(cmd))
        .withEnvironment(Map.copyOf(node.environment()))
        .in(node.home())
        .output();
  }

  private static void unzip(Path zip, Path into) throws IOException {
    try (FileSystem fs = FileSystems.newFileSystem(zip);
        Stream<Path> entries = Files.walk(fs.getPath("/"))) {
      for (Path e : (Iterable<Path>) entries::iterator) {
        Path target = into.resolve(fs.getPath("/").relativize(e).toString());
        if (Files.isDirectory(e)) {
          Files.createDirectories(target);
        } else {
          Files.copy(e, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static String randomSecret() {
    String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
