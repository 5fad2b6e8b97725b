# fedlab: one image for the app and for the local Cognito and Auth0 emulators (docs/docker.md).
#   docker build -t fedlab:local .
#   docker run --rm -p 8080:8080 --env-file deploy/aws.env fedlab:local                  # the app, real AWS
#   docker run --rm -p 9229:9229 -p 9230:9230 -p 9240:9240 fedlab:local emulators        # the emulators alone
# docker-compose.yml runs app, cognito and auth0 as three containers of this image.

# ---- build: the Maven wrapper on a JDK 17 ------------------------------------------------------------------------
FROM eclipse-temurin:17.0.15_6-jdk-jammy AS build
WORKDIR /src
# The wrapper and the POM first, so the dependency download is a layer of its own, reused while only sources change.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -DskipTests package && cp target/fedlab-*.jar /src/app.jar

# ---- run: a Java 17 JRE, as a non-root user ------------------------------------------------------------------------
FROM eclipse-temurin:17.0.15_6-jre-jammy
# uid/gid 10001: not root, and not a uid a host user is likely to have.
RUN groupadd --system --gid 10001 fedlab \
	&& useradd --system --uid 10001 --gid fedlab --home-dir /app --no-create-home --shell /usr/sbin/nologin fedlab \
	&& mkdir -p /app /var/lib/fedlab \
	&& chown fedlab:fedlab /var/lib/fedlab \
	&& chmod 700 /var/lib/fedlab
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
# Inside a container the emulators must listen on every interface for published ports to reach them; the host name in
# every URL and issuer stays localhost (docs/docker.md). The data folder keeps keys, the seed and app.env: a volume.
ENV LOCAL_BIND_ADDRESS=0.0.0.0 \
	LOCAL_DATA_DIR=/var/lib/fedlab
# The recommended heap (README "JVM options"): a maximum sized for the app and its emulators instead of a quarter of the
# container's memory, started small and given back after full collections, and the serial collector, which suits a heap
# this small. Override with -e JAVA_TOOL_OPTIONS.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms64m -Xmx256m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40"
VOLUME ["/var/lib/fedlab"]
USER fedlab:fedlab
EXPOSE 8080 9229 9230 9240
# The web app's health: GET / answers 200 (public page). bash's /dev/tcp, because the JRE image has no HTTP client we
# can rely on. docker-compose.yml declares the emulators' own checks.
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=5 \
	CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET / HTTP/1.0\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
# The command is the arguments: none = the web app; emulators [--only cognito|auth0]; setup ...; doctor ...
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
