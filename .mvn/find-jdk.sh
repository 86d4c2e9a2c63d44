# Sourced by ./mvnw, ./aegis and .ci/run: picks a JDK 21+ when JAVA_HOME is not one.
# The machine's default java may be older (17); aegis needs 21+ to build and run.
case $- in *f*) set +f; aegis_noglob=1;; *) aegis_noglob=;; esac
aegis_java_major() {
  # Fast path: every JDK 9+ names its version in $1/release; starting a JVM to ask costs ~100 ms,
  # which ./aegis would pay on every run.
  if [ -r "$1/release" ]; then
    while IFS= read -r aegis_line; do
      case $aegis_line in
        JAVA_VERSION=*) aegis_line=${aegis_line#JAVA_VERSION=}; aegis_line=${aegis_line#\"}
                        echo "${aegis_line%%[.\"]*}"; return;;
      esac
    done < "$1/release"
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(aegis_java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  aegis_found=
  for aegis_candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/*2[1-9]* /usr/lib/jvm/* \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -x "$aegis_candidate/bin/javac" ] || continue
    aegis_major=$(aegis_java_major "$aegis_candidate")
    if [ -n "$aegis_major" ] && [ "$aegis_major" -ge 21 ]; then aegis_found=$aegis_candidate; break; fi
  done
  if [ -z "$aegis_found" ]; then
    echo "aegis: no JDK 21 or newer found; install one (e.g. apt-get install openjdk-21-jdk-headless or temurin-25-jdk) or set JAVA_HOME to it" >&2
    exit 3
  fi
  export JAVA_HOME=$aegis_found
fi
# JDK 25 warns about sun.misc.Unsafe used by Maven's own libraries.
case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow";; esac
[ -z "$aegis_noglob" ] || set -f
