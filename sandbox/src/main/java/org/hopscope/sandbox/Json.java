package org.hopscope.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The JSON form of the sandbox's files ({@code sandbox.json}) and of {@code status --json}. */
final class Json {

  private Json() {}

  /** A mapper writing indented JSON with file paths as plain strings. */
  static ObjectMapper mapper() {
    SimpleModule paths = new SimpleModule("paths");
    paths.addSerializer(Path.class, ToStringSerializer.instance);
    return new ObjectMapper().registerModule(paths).enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** Writes {@code value} to {@code file} readable by the owner only (it may hold secrets). */
  static void writePrivate(Path file, Object value) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      mapper().writeValue(tmp.toFile(), value);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new SandboxException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
