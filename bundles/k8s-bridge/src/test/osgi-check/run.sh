#!/bin/sh
# Wiring check of the k8s bridge inside Apache Felix, outside the unit tests (takes about a minute).
# Boots Felix 7 with SCR, ConfigAdmin, SPI Fly, the fabric8 model bundles, Jackson, k8s-model-fix and this bundle,
# points the operator and the agent roles at a fabric8 CRUD mock server running in the same JVM (outside OSGi;
# felix.bootdelegation.implicit=false keeps the two apart), creates a FileIntegrity and prints what happened.
# Expect: "operator started", "DaemonSet: true", "status: {phase=Initializing}", "engine target configurations: 1".
# Run from bundles/k8s-bridge after `mvn -B -q install` here and in ../k8s-model-fix.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
m2=${M2_REPO:-$HOME/.m2/repository}
mvn -B -o -q dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$work/b"
rm -f "$work"/b/kubernetes-client-[0-9]*.jar "$work"/b/kubernetes-client-api-*.jar "$work"/b/kubernetes-httpclient-jdk-*.jar
cp target/k8s-bridge-*.jar ../k8s-model-fix/target/k8s-model-fix-*.jar "$work/b/"
for a in org/apache/felix/org.apache.felix.scr/2.2.18 org/apache/felix/org.apache.felix.configadmin/1.9.26 \
         org/osgi/org.osgi.util.promise/1.3.0 org/osgi/org.osgi.util.function/1.2.0 \
         org/osgi/org.osgi.service.component/1.5.1 org/slf4j/slf4j-simple/2.0.17; do
  cp "$m2/$a"/*.jar "$work/b/"
done
mkdir -p "$work/ext"
cp "$m2"/org/apache/aries/spifly/org.apache.aries.spifly.dynamic.framework.extension/1.3.7/*.jar "$work/ext/"
mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"
cp="$m2/org/apache/felix/org.apache.felix.framework/7.0.5/org.apache.felix.framework-7.0.5.jar:$(cat "$work/cp.txt"):$work"
javac -d "$work" -cp "$cp" src/test/osgi-check/OsgiWiringCheck.java
java -Dwork="$work" -cp "$cp" OsgiWiringCheck 2>&1 | grep -v 'MockWebServer\|Registered provider\|BaseActivator\|^[A-Z][a-z][a-z] [0-9]'
