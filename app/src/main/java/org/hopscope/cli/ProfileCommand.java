package org.hopscope.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConfigException;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.Keychain;
import org.hopscope.config.Keychain.KeychainException;
import org.hopscope.config.OsKeychain;
import org.hopscope.config.ProfileStore;
import org.hopscope.config.SecretSlot;
import org.hopscope.model.connection.Auth;
import org.hopscope.model.connection.Endpoint;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hopscope profile list} and {@code hopscope profile secret set NAME}: the stored connection
 * profiles with where each secret lives, and moving a profile's secret into the OS keychain
 * (headless too: the secret is read from stdin when there is no terminal). See
 * docs/connection-profiles.md and ADR 0020.
 */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description =
        "Connection profiles: where their secrets live; keep a secret in the OS keychain.",
    subcommands = {ProfileCommand.ListProfiles.class, ProfileCommand.Secret.class})
final class ProfileCommand {

  @ParentCommand Main main;

  /** The keychain used; tests may replace it. */
  Keychain keychain = new OsKeychain();

  ProfileStore store() {
    CliContext ctx = main.context();
    return new ProfileStore(ConfigDirs.detect(ctx.env(), ctx.system()));
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The stored profiles, their URLs and where each secret lives.")
  static final class ListProfiles implements Callable<Integer> {
    @ParentCommand ProfileCommand parent;

    @Override
    public Integer call() {
      CliContext ctx = parent.main.context();
      ProfileStore store = parent.store();
      for (String name : store.list()) {
        try {
          ConnectionProfile p = store.load(name);
          ctx.out().println(name + "  " + store.file(name));
          line(ctx, p, "elasticsearch", p.elasticsearch());
          line(ctx, p, "prometheus", p.prometheus());
          line(ctx, p, "alertmanager", p.alertmanager());
        } catch (ConfigException e) {
          ctx.out().println(name + "  " + store.file(name) + "  (invalid: see below)");
          ctx.err().println("hopscope: " + e.getMessage());
        }
      }
      if (store.list().isEmpty()) {
        ctx.out().println("no profiles in " + store.file("x").getParent());
      }
      return ExitCodes.OK;
    }

    private static void line(CliContext ctx, ConnectionProfile p, String key, Endpoint e) {
      if (e == null) {
        return;
      }
      String secret = secretKey(e.auth());
      String where =
          secret == null
              ? "no secret"
              : new SecretSlot(key, secret).noun()
                  + (p.inKeychain(key, secret) ? " in the OS keychain" : " in the file")
                  + " ("
                  + new SecretSlot(key, secret).environmentVariable()
                  + " overrides it)";
      ctx.out().printf("  %-14s%s  auth %s, %s%n", key, e.url(), e.auth().kind(), where);
    }
  }

  @Command(
      name = "secret",
      mixinStandardHelpOptions = true,
      description = "A profile's secret in the OS keychain.",
      subcommands = {SetSecret.class})
  static final class Secret {
    @ParentCommand ProfileCommand parent;
  }

  /** Which endpoint's secret. */
  static final class Which {
    @Option(names = "--elasticsearch", description = "Elasticsearch's secret (the default).")
    boolean elasticsearch;

    @Option(names = "--prometheus", description = "Prometheus's secret.")
    boolean prometheus;
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = {
        "Stores the password, API key or token of a profile's endpoint in the OS keychain and",
        "writes 'password: {keychain: true}' (or apiKey, token) into the profile file. The",
        "secret is asked for without echo on a terminal, else read from the first line of stdin."
      })
  static final class SetSecret implements Callable<Integer> {
    @ParentCommand Secret secret;

    @Parameters(index = "0", paramLabel = "PROFILE", description = "The profile's name.")
    String name;

    @ArgGroup(exclusive = true)
    Which which;

    @Override
    public Integer call() {
      ProfileCommand parent = secret.parent;
      CliContext ctx = parent.main.context();
      ProfileStore store = parent.store();
      ConnectionProfile profile = store.load(name);
      String endpointKey = which != null && which.prometheus ? "prometheus" : "elasticsearch";
      Endpoint endpoint =
          "prometheus".equals(endpointKey) ? profile.prometheus() : profile.elasticsearch();
      Path file = store.file(name);
      if (endpoint == null) {
        throw new ConfigException(
            file.toString(), "profile '" + name + "' has no prometheus; add it to the file first");
      }
      String key = secretKey(endpoint.auth());
      if (key == null) {
        throw new ConfigException(
            file.toString(),
            endpointKey
                + " of profile '"
                + name
                + "' uses no authentication (auth: none); set auth and user in the file first");
      }
      SecretSlot slot = new SecretSlot(endpointKey, key);
      String value = readSecret(ctx, name, slot);
      if (value.isEmpty()) {
        ctx.err()
            .println("hopscope profile secret set: no " + slot.noun() + " given; nothing stored");
        return ExitCodes.USAGE;
      }
      try {
        parent.keychain.write(slot.account(name), value);
      } catch (KeychainException e) {
        ctx.err()
            .println(
                "hopscope profile secret set: cannot store the "
                    + slot
                    + " of profile '"
                    + name
                    + "': "
                    + e.getMessage()
                    + "; the profile file is unchanged");
        return ExitCodes.LOCAL;
      }
      Set<SecretSlot> keychain = new HashSet<>(profile.keychain());
      keychain.add(slot);
      store.save(
          new ConnectionProfile(
              name, profile.elasticsearch(), profile.prometheus(), profile.pathsDir(), keychain));
      ctx.out()
          .printf(
              "stored the %s of profile '%s' in the OS keychain (%s / %s); %s now says %s:"
                  + " {keychain: true}%n",
              slot, name, Keychain.SERVICE, slot.account(name), file, key);
      return ExitCodes.OK;
    }

    private static String readSecret(CliContext ctx, String name, SecretSlot slot) {
      Console console = System.console();
      if (console != null) {
        char[] typed =
            console.readPassword("%s for profile '%s' (not shown): ", capital(slot), name);
        return typed == null ? "" : new String(typed);
      }
      try {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? "" : line;
      } catch (IOException e) {
        throw new ConfigException("stdin", "cannot read the " + slot.noun() + ": " + e);
      }
    }

    private static String capital(SecretSlot slot) {
      String s = slot.toString();
      return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }

  static String secretKey(Auth auth) {
    if (auth instanceof Auth.Basic) {
      return "password";
    }
    if (auth instanceof Auth.ApiKey) {
      return "apiKey";
    }
    return auth instanceof Auth.Bearer ? "token" : null;
  }
}
