package dev.callflow.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12, row 8: the app server connects to the mock APNs at the literal 127.0.0.1 and resolves nothing. Pushy 0.15.4
 * gives every client Netty's DNS resolver, whose first use (the first push) binds a UDP socket on all interfaces.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PushNetworkFootprintTest {

    @Test
    void aPushLeavesNoUdpSocketOnAnyInterface() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/net/udp")), "needs Linux /proc");
        try (PushInfrastructure push = PushInfrastructure.start()) {
            String token = Tokens.random();
            push.apns().registerVoip(token, "com.example.callapp", new RecordingSink());
            assertThat(push.appServer().sendVoip(token, "com.example.callapp", "{}").get(10, TimeUnit.SECONDS).accepted())
                    .isTrue();

            assertThat(wildcardUdpSocketsOfThisProcess())
                    .as("UDP sockets this JVM has bound on 0.0.0.0 or :: after a push (Netty's DNS resolver); the "
                            + "harness must listen on loopback only, and resolve nothing")
                    .isEmpty();
        }
    }

    /** {@code local_address} of each UDP socket in {@code /proc/self/net/udp{,6}} whose inode is one of our fds. */
    private static List<String> wildcardUdpSocketsOfThisProcess() throws IOException {
        Set<String> ours = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        ours.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed while we listed
                }
            }
        }
        List<String> wildcard = new ArrayList<>();
        for (String table : List.of("/proc/self/net/udp", "/proc/self/net/udp6")) {
            Path p = Path.of(table);
            if (!Files.isReadable(p)) {
                continue;
            }
            for (String row : Files.readAllLines(p).subList(1, Files.readAllLines(p).size())) {
                String[] cols = row.trim().split("\\s+");
                String local = cols[1];
                String host = local.substring(0, local.indexOf(':'));
                if (host.chars().allMatch(c -> c == '0') && ours.contains(cols[9])) {
                    wildcard.add(table + " " + local + " inode " + cols[9]);
                }
            }
        }
        return wildcard;
    }
}
