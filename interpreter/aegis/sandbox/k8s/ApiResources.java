package aegis.sandbox.k8s;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the sandbox's Kubernetes API says it serves, read from the data file
 * {@value #RESOURCE}: the server version and, per API group, its resources. It renders the
 * discovery documents a client reads before anything else ({@code /version}, {@code /api},
 * {@code /apis}, {@code /api/v1}, {@code /apis/GROUP}, {@code /apis/GROUP/VERSION}) as fabric8's
 * model objects, and tells the kind of a URL's resource, which the mock server does not know.
 *
 * @param version what {@code /version} answers (major, minor, gitVersion, platform)
 * @param groups  every group with its one version, the core group ({@code ""}) first
 */
public record ApiResources(Map<String, String> version, List<Group> groups) {
  /** The classpath resource of the data. */
  public static final String RESOURCE = "aegis/sandbox/k8s/api-resources.yaml";

  public ApiResources {
    version = Map.copyOf(version);
    groups = List.copyOf(groups);
  }

  /** One API group version. */
  public record Group(String group, String version, List<Resource> resources) {
    public Group {
      resources = List.copyOf(resources);
    }

    /** {@code v1} for the core group, else {@code GROUP/VERSION}: the {@code apiVersion} of its objects. */
    public String groupVersion() { return group.isEmpty() ? version : group + "/" + version; }

    /** The resource named {@code name} ({@code pods}, {@code pods/log}). */
    public Optional<Resource> resource(String name) {
      return resources.stream().filter(r -> r.name().equals(name)).findFirst();
    }
  }

  /**
   * One resource of a group: {@code name} is the plural of the URL, {@code plural/sub} for a
   * sub-resource.
   */
  public record Resource(String name, String kind, boolean namespaced, List<String> verbs, List<String> shortNames,
                         List<String> categories) {
    public Resource {
      verbs = List.copyOf(verbs);
      shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
      categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public boolean isSubresource() { return name.contains("/"); }
  }

  private record Data(Map<String, String> version, Map<String, List<String>> verbSets, List<Group> groups) {}

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** The data file, read from the classpath. */
  public static ApiResources load() {
    try (InputStream in = ApiResources.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("the classpath has no " + RESOURCE);
      Data data = SERIALIZATION.unmarshal(in, Data.class);
      return new ApiResources(data.version(), data.groups());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The group version {@code apiVersion} ({@code v1}, {@code apps/v1}), if served. */
  public Optional<Group> group(String apiVersion) {
    return groups.stream().filter(g -> g.groupVersion().equals(apiVersion)).findFirst();
  }

  /** {@code /api}: the core group's versions. */
  public APIVersions coreVersions() {
    return new APIVersionsBuilder().withVersions(groups.stream().filter(g -> g.group().isEmpty()).map(Group::version).toList())
        .addNewServerAddressByClientCIDR().withClientCIDR("0.0.0.0/0").withServerAddress("127.0.0.1").endServerAddressByClientCIDR()
        .build();
  }

  /** {@code /apis}: every named group. */
  public APIGroupList groupList() {
    return new APIGroupListBuilder().withGroups(groups.stream().filter(g -> !g.group().isEmpty()).map(ApiResources::apiGroup).toList())
        .build();
  }

  /** {@code /apis/GROUP}, if served. */
  public Optional<APIGroup> apiGroup(String group) {
    return groups.stream().filter(g -> !g.group().isEmpty() && g.group().equals(group)).findFirst().map(ApiResources::apiGroup);
  }

  /** {@code /api/v1}, {@code /apis/GROUP/VERSION}: the group version's resources, if served. */
  public Optional<APIResourceList> resourceList(String apiVersion) {
    return group(apiVersion).map(g -> new APIResourceListBuilder().withGroupVersion(g.groupVersion())
        .withResources(g.resources().stream().map(r -> new APIResourceBuilder().withName(r.name())
            .withSingularName(r.isSubresource() ? "" : r.kind().toLowerCase(Locale.ROOT))
            .withKind(r.kind()).withNamespaced(r.namespaced()).withVerbs(r.verbs())
            .withShortNames(r.shortNames().isEmpty() ? null : r.shortNames())
            .withCategories(r.categories().isEmpty() ? null : r.categories()).build()).toList())
        .build());
  }

  private static APIGroup apiGroup(Group g) {
    var version = new GroupVersionForDiscovery(g.groupVersion(), g.version());
    return new APIGroupBuilder().withName(g.group()).withVersions(version).withPreferredVersion(version).build();
  }
}
