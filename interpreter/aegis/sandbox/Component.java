package aegis.sandbox;

import java.util.ArrayList;
import java.util.List;

/** One server of the sandbox. Each listens on the ports {@link #ports} reads from the layout. */
public enum Component {
  POSTGRES("PostgreSQL"),
  NEO4J("Neo4j"),
  VAULT("Vault"),
  KUBERNETES("Kubernetes API"),
  PROMETHEUS("Prometheus"),
  ALERTMANAGER("Alertmanager"),
  SMTP("SMTP"),
  FIXTURES("HTTP fixtures"),
  TLS("TLS endpoint");

  private final String title;

  Component(String title) { this.title = title; }

  /** How people call it: {@code PostgreSQL}, {@code HTTP fixtures}. */
  public String title() { return title; }

  /** The ports it listens on in {@code layout}; empty when the environment has no use for it. */
  public List<Integer> ports(SandboxLayout layout) {
    var ports = new ArrayList<Integer>();
    switch (this) {
      case POSTGRES -> ports.add(layout.postgres().port());
      case NEO4J -> {
        ports.add(layout.neo4j().boltPort());
        if (layout.neo4j().httpPort() != null) ports.add(layout.neo4j().httpPort());
      }
      case VAULT -> ports.add(layout.vault().port());
      case KUBERNETES -> { if (layout.cluster() != null) ports.add(layout.cluster().port()); }
      case PROMETHEUS -> ports.add(layout.prometheusPort());
      case ALERTMANAGER -> ports.add(layout.alertmanagerPort());
      case SMTP -> ports.add(layout.smtpPort());
      case FIXTURES -> { if (layout.fixtures() != null) ports.add(layout.fixtures().port()); }
      case TLS -> ports.add(layout.tls().port());
    }
    return ports;
  }
}
