package org.hopscope.sandbox;

import java.io.PrintStream;

/**
 * The "how to connect" block printed after {@code up}: URLs and, in security mode, the CA,
 * credentials, token and ready-to-paste curl lines.
 *
 * @param state what {@code up} wrote
 * @param credentials the security credentials, or null in plain mode
 */
record ConnectionHelp(SandboxState state, SecurityCredentials credentials) {

  void print(PrintStream out) {
    String es = state.elasticsearchUrl();
    out.println("Sandbox is up:");
    out.printf("  %-15s %s%n", state.searchEngine().displayName(), es);
    out.printf("  %-15s %s%n", "Prometheus", state.prometheusUrl());
    out.printf("  %-15s %s/metrics%n", "Exporter", state.exporterUrl());
    if (state.alertmanagerUrl() != null) {
      out.printf("  %-15s %s%n", "Alertmanager", state.alertmanagerUrl());
    }
    if (credentials == null) {
      out.printf("  %-15s off (%s)%n", "Security", state.searchEngine().plainNote());
      out.printf("  %-15s curl %s/_cluster/health%n", "Try", es);
      return;
    }
    SecurityCredentials c = credentials;
    out.printf("  %-15s %s%n", "CA certificate", c.caCertificate());
    out.printf("  %-15s %s / %s (superuser)%n", "User", c.user(), c.password());
    if (c.readerUser() != null) {
      out.printf(
          "  %-15s %s / %s (read-only, the paths' indices only: role %s)%n",
          "Reader", c.readerUser(), c.readerPassword(), SecuritySetup.READER_ROLE);
    }
    out.printf("  %-15s %s (Authorization: Bearer ...)%n", "Service token", c.serviceToken());
    out.printf(
        "  %-15s curl --cacert %s -u %s:%s %s/_cluster/health%n",
        "Try", c.caCertificate(), c.user(), c.password(), es);
    out.printf(
        "  %-15s curl --cacert %s -H 'Authorization: Bearer %s' %s/_cluster/health%n",
        "", c.caCertificate(), c.serviceToken(), es);
  }
}
