# Sourced by ./mvnw, ./aegis and .ci/run: picks a JDK 21+ when JAVA_HOME is not one.
# The machine's default java may be older (17); aegis needs 21+ to build and run.
case $- in *f*) set +f; aegis_noglob=1;; *) aegis_noglob=;; esac
# Sets aegis_major to the Java major version of the JDK in $1 (empty when there is none there).
# Read from $1/release, which every JDK 9+ has, without starting a process: a JVM to ask costs
# ~100 ms, even a subshell ~1 ms, and ./aegis pays this on every run. Older JDKs are asked.
aegis_major_of() {
  aegis_major=
  if [ -r "$1/release" ]; then
    while IFS= read -r aegis_line; do
      case $aegis_line in
        JAVA_VERSION=*) aegis_line=${aegis_line#JAVA_VERSION=}; aegis_line=${aegis_line#\"}
                        aegis_major=${aegis_line%%[.\"]*}; return 0;;
      esac
    done < "$1/release"
  fi
  if [ -x "$1/bin/java" ]; then
    aegis_major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
  fi
  return 0
}
# The JDK on the PATH, last: its directory costs three processes to find, which ./aegis would pay
# on every run if it were computed with the others.
aegis_java_on_path() {
  dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")"
}
aegis_try_jdk() {   # aegis_try_jdk DIR: sets aegis_found (and AEGIS_JAVA_MAJOR) when DIR is a JDK 21+
  [ -x "$1/bin/javac" ] || return 1
  aegis_major_of "$1"
  if [ -n "$aegis_major" ] && [ "$aegis_major" -ge 21 ]; then aegis_found=$1; AEGIS_JAVA_MAJOR=$aegis_major; return 0; fi
  return 1
}
AEGIS_JAVA_MAJOR=
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  aegis_major_of "$JAVA_HOME"
  AEGIS_JAVA_MAJOR=$aegis_major
fi
if [ -z "$AEGIS_JAVA_MAJOR" ] || [ "$AEGIS_JAVA_MAJOR" -lt 21 ] 2>/dev/null; then
  aegis_found=
  for aegis_candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/*2[1-9]* /usr/lib/jvm/*; do
    aegis_try_jdk "$aegis_candidate" && break
  done
  [ -n "$aegis_found" ] || aegis_try_jdk "$(aegis_java_on_path)" || true
  if [ -z "$aegis_found" ]; then
    echo "aegis: no JDK 21 or newer found; install one (e.g. apt-get install openjdk-21-jdk-headless or temurin-25-jdk) or set JAVA_HOME to it" >&2
    exit 3
  fi
  export JAVA_HOME=$aegis_found
fi
# JDK 25 warns about sun.misc.Unsafe used by Maven's own libraries.
case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow";; esac
[ -z "$aegis_noglob" ] || set -f
