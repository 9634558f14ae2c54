import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community in-process (from the Maven jars in the fazhi jar cache) so that fazhi-graph can
 * talk Bolt to a real server on machines without Docker or a Neo4j package.
 *
 * Usage: java -cp 'LIB/*' Launcher.java --port N --dir PATH [--page-cache-mb N] [--ignore-stdin] [--auth]
 *
 * The harness puts its scratch files in a random folder under PATH and deletes them on exit;
 * the store itself goes to PATH/data so that a stop and a start keep the graph. Prints
 * BOLT_URI=bolt://127.0.0.1:N once Bolt accepts connections, then waits for SIGTERM (or for
 * stdin to close, unless --ignore-stdin: a detached launcher has no stdin worth watching).
 * Authentication is off unless --auth, which leaves the stock neo4j/neo4j login that must be
 * changed before first use (tests use it to check how a wrong password is reported).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        int port = 7687;
        Path dir = null;
        boolean watchStdin = true;
        boolean auth = false;
        long pageCacheMb = 256;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]).toAbsolutePath();
                case "--page-cache-mb" -> pageCacheMb = Long.parseLong(args[++i]);
                case "--ignore-stdin" -> watchStdin = false;
                case "--auth" -> auth = true;
                default -> fail("unknown argument " + args[i]);
            }
        }
        if (dir == null) {
            fail("--dir PATH is required");
        }
        Files.createDirectories(dir);
        Neo4j neo4j = start(port, dir, auth, pageCacheMb);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            neo4j.close();
            stopped.countDown();
        }, "fazhi-neo4j-shutdown"));
        System.out.println("BOLT_URI=bolt://127.0.0.1:" + port);
        System.out.flush();
        if (watchStdin) {
            drain(System.in);
            System.exit(0); // runs the shutdown hook, which closes Neo4j
        }
        stopped.await();
    }

    private static Neo4j start(int port, Path dir, boolean auth, long pageCacheMb) {
        return Neo4jBuilders.newInProcessBuilder(dir)
                .withDisabledServer()
                .withConfig(HttpConnector.enabled, false)
                .withConfig(HttpsConnector.enabled, false)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .withConfig(GraphDatabaseSettings.auth_enabled, auth)
                .withConfig(GraphDatabaseSettings.data_directory, dir.resolve("data"))
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                // Netty waits a 5 s quiet period by default before Bolt stops; nothing is in flight
                // once we are told to stop, so this only delays `fazhi neo4j stop` and test teardown.
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .withConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(3))
                .build();
    }

    /** Blocks until the stream ends: the parent closed our stdin or went away. */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // discard: only the end of the stream matters
        }
    }

    private static void fail(String message) {
        System.err.println("Launcher: " + message);
        System.exit(2);
    }
}
