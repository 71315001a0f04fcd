# orderlist-bot container image: build with `docker build -t orderlist-bot .`, run with
# docker-compose.yml (README, "Run it in Docker"). CI cannot build images; it lints this file and
# runs the fat jar exactly as the ENTRYPOINT below does (app/src/test/java/.../ContainerSmokeIT.java).

# Build stage: Maven and a JDK 21 compile, check and package the fat jar. One COPY per module of the
# root pom (app's DockerfileModulesTest holds the two lists equal).
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml ./
COPY .mvn ./.mvn
COPY bot-core ./bot-core
COPY binance ./binance
COPY paper ./paper
COPY db ./db
COPY telegram ./telegram
COPY discord ./discord
COPY charts ./charts
COPY app ./app
# The tests ran in CI on these same sources (`bash .ci/run`); the image build only packages.
RUN mvn -B -ntp -DskipTests -pl app -am package

# Runtime stage: a JRE 21 only, and the bot running as an unprivileged user.
FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 bot \
    && useradd --system --uid 10001 --gid bot --home-dir /data --no-create-home --shell /usr/sbin/nologin bot \
    && mkdir -p /app /data \
    && chown bot:bot /data
COPY --from=build /src/app/target/orderlist-bot.jar /app/orderlist-bot.jar
# Class data sharing (AppCDS): one training run with the ENTRYPOINT's JVM flags starts the bot on paper
# in a temporary directory until its /healthz answers 200, stops it cleanly (`warm-up`), and writes
# the classes it loaded to /app/orderlist-bot.jsa, which every start then maps instead of loading and
# verifying them again. The build fails if the bot does not get healthy. A missing or stale archive
# (another JRE, another jar) only costs speed: -Xshare:auto, the default, starts without it.
# -XX:MaxRAM=512m sizes the training JVM as on a 512 MB host whatever the build machine has (a heap over
# 32 GB would turn compressed pointers off, and the archive would not match the running JVM). app's
# DockerfileCdsTest holds the other flags equal to the ENTRYPOINT's; ContainerSmokeIT runs this line.
RUN ["java", "-XX:ArchiveClassesAtExit=/app/orderlist-bot.jsa", "-Xlog:cds=error", "-XX:MaxRAM=512m", "-Djava.awt.headless=true", "-XX:MaxRAMPercentage=30", "-XX:InitialRAMPercentage=3", "-XX:TrimNativeHeapInterval=5000", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/orderlist-bot.jar", "warm-up"]

# The smoke test reads the ENV and ENTRYPOINT lines below: keep one variable per ENV line.
ENV BOT_DATA_DIR=/data
ENV BOT_HTTP_HOST=0.0.0.0
ENV BOT_HTTP_PORT=8080
ENV BOT_CONSOLE=off
# glibc malloc keeps at most two arenas instead of up to 8 per core: the JIT compilers' and the
# libraries' native memory is reused, not spread over arenas that keep their peak (docs/performance.md).
ENV MALLOC_ARENA_MAX=2
VOLUME ["/data"]
EXPOSE 8080
USER bot
WORKDIR /data

# SIGTERM starts the clean shutdown: in-flight placements finish, the outbox is flushed, H2 closes.
# The bot then exits with 143 (128 + SIGTERM). Give it up to 30 s (docker stop -t 30, compose
# stop_grace_period) before Docker kills it.
STOPSIGNAL SIGTERM

# No curl in the JRE image: bash's /dev/tcp asks /healthz, healthy only on HTTP 200. The first check
# runs after one interval, by when even a Raspberry Pi has started (no --start-period needed).
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${BOT_HTTP_PORT} && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# Sized for a 512 MB host: the class data sharing archive trained above, heap at most 30% of the
# container's memory (154 MB: the 1,000-user burst lives in about 60 MB and went no slower than
# with 50%, peaking at 331 MB instead of 450 MB; docs/performance.md) and 3% at start (a smaller idle footprint), the C heap given back to the system
# every 5 s (glibc keeps what the JIT compilers and libraries freed: 17 MB at idle; a product switch
# since JRE 21.0.4), the serial collector (one small heap,
# no GC threads), the C1 compiler only (-XX:TieredStopAtLevel=1: the C2 compiler's work was about
# half the bot's CPU in the 1,000-user burst, even in a second burst, and its memory 50 MB of the
# peak; docs/decisions.md), 512 KB thread stacks, capped metaspace and code cache, and an exit
# (so Docker restarts the bot) rather than limping on after an OutOfMemoryError. Charts are drawn
# headless with the font bundled in the jar (the JRE brings its own FreeType; the image needs no
# font package): `docker run --rm orderlist-bot charts check` proves it on a host.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/orderlist-bot.jsa", "-Djava.awt.headless=true", "-XX:MaxRAMPercentage=30", "-XX:InitialRAMPercentage=3", "-XX:TrimNativeHeapInterval=5000", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/orderlist-bot.jar"]
CMD ["run"]
