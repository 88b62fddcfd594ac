import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.Context;
import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.*;
import java.util.*;
import org.apache.felix.framework.Felix;
import org.osgi.framework.*;

/** Boots Felix with the bridge, the fabric8 model bundles, k8s-model-fix and SPI Fly against a mock API server; see run.sh. */
public class OsgiWiringCheck {
    public static void main(String[] a) throws Exception {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new io.fabric8.mockwebserver.MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init();
        KubernetesClient outside = server.createClient();
        Path kubeconfig = Path.of(System.getProperty("work") + "/kubeconfig");
        Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: m\n  cluster: {server: 'http://localhost:" + server.getPort() + "'}\ncontexts:\n- name: m\n  context: {cluster: m, user: u, namespace: fio}\ncurrent-context: m\nusers:\n- name: u\n  user: {token: t}\n");
        Map<String, Object> props = new HashMap<>();
        props.put("org.osgi.framework.storage", System.getProperty("work") + "/cache"); props.put("ds.loglevel", "warn"); props.put("felix.bootdelegation.implicit", "false");
        props.put("org.osgi.framework.storage.clean", "onFirstInit");
        Felix felix = new Felix(props);
        felix.start();
        felix.getBundleContext().installBundle(new File(System.getProperty("work"), "ext").listFiles()[0].toURI().toString());
        felix.stop(); felix.waitForStop(10000);
        props.remove("org.osgi.framework.storage.clean");
        felix = new Felix(props);
        felix.start();
        BundleContext ctx = felix.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (File f : new File(System.getProperty("work"), "b").listFiles()) bundles.add(ctx.installBundle(f.toURI().toString()));
        for (Bundle b : bundles) {
            if (b.getHeaders().get("Fragment-Host") != null) continue;
            try { b.start(); } catch (BundleException e) { System.out.println("FAIL " + b.getSymbolicName() + ": " + e.getMessage()); }
        }
        Bundle api = Arrays.stream(ctx.getBundles()).filter(b -> b.getSymbolicName().equals("io.fileintegrity.api")).findFirst().get();
        Class<?> registry = api.loadClass("io.fileintegrity.api.ProviderRegistry");
        Class<?> provider = api.loadClass("io.fileintegrity.api.IntegrityProvider");
        Object aide = Proxy.newProxyInstance(provider.getClassLoader(), new Class<?>[]{provider}, (p, m, args) -> m.getName().equals("validate") ? List.of() : null);
        Object reg = Proxy.newProxyInstance(registry.getClassLoader(), new Class<?>[]{registry}, (p, m, args) ->
            m.getName().equals("find") ? ("aide".equals(args[0]) ? Optional.of(aide) : Optional.empty()) : m.getName().equals("descriptors") ? List.of() : null);
        api.getBundleContext().registerService(registry.getName(), reg, null);
        ServiceReference<?> caRef = null; for (int i = 0; i < 100 && caRef == null; i++) { { ServiceReference<?>[] all = ctx.getAllServiceReferences("org.osgi.service.cm.ConfigurationAdmin", null); caRef = all == null ? null : all[0]; } Thread.sleep(100); }
        for (Bundle b : ctx.getBundles()) if (b.getState() != Bundle.ACTIVE && b.getHeaders().get("Fragment-Host") == null) System.out.println("NOT ACTIVE " + b.getSymbolicName() + " " + b.getState());
        Object ca = ctx.getService(caRef);
        Object conf = ca.getClass().getMethod("getConfiguration", String.class, String.class).invoke(ca, "io.fileintegrity.k8s.operator", "?");
        Hashtable<String, Object> c = new Hashtable<>();
        c.put("kubeconfig", kubeconfig.toString()); c.put("namespace", "fio"); c.put("image", "fio:test");
        conf.getClass().getMethod("update", Dictionary.class).invoke(conf, c);
        outside.nodes().resource(new NodeBuilder().withNewMetadata().withName("n1").endMetadata().build()).create();
        ResourceDefinitionContext rdc = new ResourceDefinitionContext.Builder().withGroup("fileintegrity.openshift.io").withVersion("v1alpha1").withPlural("fileintegrities").withKind("FileIntegrity").withNamespaced(true).build();
        GenericKubernetesResource fi = new GenericKubernetesResourceBuilder().withApiVersion("fileintegrity.openshift.io/v1alpha1").withKind("FileIntegrity").withNewMetadata().withName("example").withNamespace("fio").endMetadata().addToAdditionalProperties("spec", Map.of("config", Map.of())).build();
        outside.genericKubernetesResources(rdc).inNamespace("fio").resource(fi).create();
        long deadline = System.currentTimeMillis() + 20000;
        while (System.currentTimeMillis() < deadline && outside.apps().daemonSets().inNamespace("fio").withName("aide-example").get() == null) Thread.sleep(200);
        for (Bundle b : ctx.getBundles()) if (b.getSymbolicName().contains("k8s") || b.getSymbolicName().contains("fileintegrity")) System.out.println("B " + b.getSymbolicName() + " state=" + b.getState() + " services=" + Arrays.toString(b.getRegisteredServices()));
        Class<?> reportService = api.loadClass("io.fileintegrity.api.report.ReportService");
        api.getBundleContext().registerService(reportService.getName(), Proxy.newProxyInstance(reportService.getClassLoader(), new Class<?>[]{reportService}, (p, m, args) -> null), null);
        Object agentConf = ca.getClass().getMethod("getConfiguration", String.class, String.class).invoke(ca, "io.fileintegrity.k8s.agent", "?");
        Hashtable<String, Object> ac = new Hashtable<>();
        ac.put("kubeconfig", kubeconfig.toString()); ac.put("namespace", "fio"); ac.put("name", "example"); ac.put("nodeName", "n1"); ac.put("stateRoot", System.getProperty("work") + "/state");
        agentConf.getClass().getMethod("update", Dictionary.class).invoke(agentConf, ac);
        Object[] targets = null;
        for (int i = 0; i < 150 && targets == null; i++) { targets = (Object[]) ca.getClass().getMethod("listConfigurations", String.class).invoke(ca, "(service.factoryPid=io.fileintegrity.engine.target)"); Thread.sleep(200); }
        System.out.println("engine target configurations: " + (targets == null ? 0 : targets.length));
        if (targets != null) System.out.println("target properties: " + targets[0].getClass().getMethod("getProperties").invoke(targets[0]));
        System.out.println("DaemonSet: " + (outside.apps().daemonSets().inNamespace("fio").withName("aide-example").get() != null));
        System.out.println("status: " + outside.genericKubernetesResources(rdc).inNamespace("fio").withName("example").get().getAdditionalProperties().get("status"));
        for (Bundle b : ctx.getBundles()) if (b.getState() != Bundle.ACTIVE && b.getHeaders().get("Fragment-Host") == null) System.out.println("NOT ACTIVE " + b.getSymbolicName() + " " + b.getState());
        felix.stop(); felix.waitForStop(10000); server.destroy();
        System.exit(0);
    }
}
