package aegis.sandbox;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cluster of a deployed platform, as the sandbox seeds it: the namespaces, one workload per
 * service (Vault and the databases as StatefulSets, the rest as Deployments, with the tier labels
 * the runbooks select by), the ingress with its cert-manager certificate, and two nodes with the
 * usage metrics-server would report. The mock controller then does the rest: ReplicaSets, pods
 * that become ready, rollout status, the certificate's issuance and the ingress address.
 */
final class ClusterSeed {
  static final ResourceDefinitionContext CERTIFICATE = new ResourceDefinitionContext.Builder().withGroup("cert-manager.io")
      .withVersion("v1").withKind("Certificate").withPlural("certificates").withNamespaced(true).build();
  static final ResourceDefinitionContext NODE_METRICS = new ResourceDefinitionContext.Builder().withGroup("metrics.k8s.io")
      .withVersion("v1beta1").withKind("NodeMetrics").withPlural("nodes").withNamespaced(false).build();

  /** Two nodes of a small cluster: name, CPU and memory used. */
  private static final List<String[]> NODES = List.of(
      new String[] {"sandbox-node-1", "1830m", "9876Mi"},
      new String[] {"sandbox-node-2", "1210m", "7412Mi"});

  private ClusterSeed() {}

  static void seed(KubernetesClient client, SandboxLayout layout) {
    var cluster = layout.cluster();
    var ns = layout.namespace();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns)
        .addToLabels("environment", "sandbox").endMetadata().build()).create();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(cluster.monitoringNamespace())
        .endMetadata().build()).create();
    for (var svc : layout.services()) workload(client, ns, svc);
    var host = layout.tls().host();
    client.network().v1().ingresses().inNamespace(ns).resource(new IngressBuilder()
        .withNewMetadata().withName(cluster.ingressName()).withNamespace(ns).endMetadata()
        .withNewSpec().withIngressClassName("nginx")
        .addNewTl().withHosts(host).withSecretName(cluster.tlsCertificate()).endTl()
        .addNewRule().withHost(host).withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
        .withNewBackend().withNewService().withName("api-gateway").withNewPort().withNumber(8080).endPort().endService()
        .endBackend().endPath().endHttp().endRule()
        .endSpec().build()).create();
    if (cluster.certIssuer() != null) {
      client.genericKubernetesResources(CERTIFICATE).inNamespace(ns).resource(new GenericKubernetesResourceBuilder()
          .withApiVersion("cert-manager.io/v1").withKind("Certificate")
          .withMetadata(meta(cluster.tlsCertificate(), ns, Map.of()))
          .addToAdditionalProperties("spec", Map.of("secretName", cluster.tlsCertificate(), "dnsNames", List.of(host),
              "issuerRef", Map.of("kind", "ClusterIssuer", "name", cluster.certIssuer())))
          .build()).create();
    }
    for (var node : NODES) {
      client.nodes().resource(new NodeBuilder().withNewMetadata().withName(node[0])
          .addToLabels("kubernetes.io/hostname", node[0]).endMetadata()
          .withNewStatus().addToAllocatable("cpu", new Quantity("4")).addToAllocatable("memory", new Quantity("16Gi"))
          .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady").endCondition()
          .endStatus().build()).create();
      client.genericKubernetesResources(NODE_METRICS).resource(new GenericKubernetesResourceBuilder()
          .withApiVersion("metrics.k8s.io/v1beta1").withKind("NodeMetrics").withMetadata(meta(node[0], null, Map.of()))
          .addToAdditionalProperties("timestamp", java.time.Instant.now().toString())
          .addToAdditionalProperties("window", "30s")
          .addToAdditionalProperties("usage", Map.of("cpu", node[1], "memory", node[2]))
          .build()).create();
    }
  }

  private static void workload(KubernetesClient client, String ns, SandboxLayout.ServiceSpec svc) {
    var labels = Map.of("app", svc.name(), "tier", svc.tier().toLowerCase(Locale.ROOT));
    var template = template(svc, labels);
    if (svc.kind().equals("StatefulSet")) {
      client.apps().statefulSets().inNamespace(ns).resource(new StatefulSetBuilder()
          .withMetadata(meta(svc.name(), ns, labels))
          .withNewSpec().withServiceName(svc.name()).withReplicas(svc.replicas())
          .withNewSelector().withMatchLabels(Map.of("app", svc.name())).endSelector()
          .withTemplate(template).endSpec().build()).create();
    } else {
      client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
          .withMetadata(meta(svc.name(), ns, labels))
          .withNewSpec().withReplicas(svc.replicas()).withProgressDeadlineSeconds(600)
          .withNewSelector().withMatchLabels(Map.of("app", svc.name())).endSelector()
          .withTemplate(template).endSpec().build()).create();
    }
  }

  private static PodTemplateSpec template(SandboxLayout.ServiceSpec svc, Map<String, String> labels) {
    var resources = new ResourceRequirementsBuilder()
        .addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("256Mi"))
        .addToLimits("cpu", new Quantity("100m")).addToLimits("memory", new Quantity("256Mi")).build();
    return new PodTemplateSpecBuilder().withNewMetadata().withLabels(labels).endMetadata()
        .withNewSpec().addToContainers(new ContainerBuilder().withName(svc.name())
            .withImage(svc.image() + ":" + svc.version()).addNewPort().withContainerPort(svc.port()).endPort()
            .withResources(resources).build())
        .endSpec().build();
  }

  private static ObjectMeta meta(String name, String ns, Map<String, String> labels) {
    return new ObjectMetaBuilder().withName(name).withNamespace(ns).withLabels(labels).build();
  }
}
