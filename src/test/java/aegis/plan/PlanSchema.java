package aegis.plan;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The checked-in plan schema, loaded from the classpath as the jar ships it, with formats asserted. */
public final class PlanSchema {
  private static final Schema SCHEMA = load();

  private PlanSchema() {}

  /** Validation errors of a JSON document; empty when it is a valid plan. */
  public static List<String> errors(String json) {
    return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  private static Schema load() {
    var config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config));
    try (InputStream in = PlanSchema.class.getClassLoader().getResourceAsStream(PlanJson.SCHEMA_RESOURCE)) {
      if (in == null) throw new IllegalStateException(PlanJson.SCHEMA_RESOURCE + " is not on the classpath");
      return registry.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
