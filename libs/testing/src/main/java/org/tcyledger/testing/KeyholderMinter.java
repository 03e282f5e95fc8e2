package org.tcyledger.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

/**
 * The local stack's keyholder credential ({@code deploy/local/up} starts it, records its PID, {@code down} stops it):
 * writes the projection's token (an hour, scoped to contact points) into a file at once and renews it every half
 * hour, so that a stolen copy is of use for an hour at most. The projection reads the file again for every opening.
 * As the compose minter and the Kubernetes sidecar do, it holds what signs (here the local private key) and the
 * projection holds only the token.
 * <pre>java -cp … org.tcyledger.testing.KeyholderMinter STATE/jwt STATE/keyholder.token</pre>
 */
public final class KeyholderMinter {

    public static final Duration VALIDITY = Duration.ofHours(1);
    /** Renewed with half its life left: a missed renewal (a paused machine) still leaves a valid token for a while. */
    public static final Duration RENEWAL = VALIDITY.dividedBy(2);

    private KeyholderMinter() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: KeyholderMinter <directory of the key pair> <token file>");
            System.exit(2);
        }
        Tokens tokens = Tokens.inDirectory(Path.of(args[0]));
        Path file = Path.of(args[1]).toAbsolutePath();
        while (true) {
            write(file, tokens.keyholder(VALIDITY));
            System.out.println(Instant.now() + " renewed the keyholder token in " + file + " (valid " + VALIDITY + ")");
            Thread.sleep(RENEWAL.toMillis());
        }
    }

    /** Whole or not at all: the projection never reads half a token. Only this user may read it. */
    static void write(Path file, String token) throws IOException {
        Path next = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".next",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(next, token + "\n");
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
