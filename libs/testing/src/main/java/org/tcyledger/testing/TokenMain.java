package org.tcyledger.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * {@code deploy/local/token ROLE}: prints a bearer token that the local services accept for that role. It is the
 * only place besides the keyholder minter (and deploy/local/up, which makes the pair) that reads the local private key.
 */
public final class TokenMain {

    private static final Set<String> ROLES = Set.of("secretariat", "observer", "auditor", "keyholder");

    private TokenMain() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || !ROLES.contains(args[0])) {
            System.err.println("usage: deploy/local/token secretariat|observer|auditor|keyholder [subject]");
            System.exit(2);
        }
        Path keys = Path.of(System.getProperty("tcy.state", "deploy/local/.state")).resolve("jwt");
        if (!keys.resolve("private.pem").toFile().exists()) {
            System.err.println("no local key pair in " + keys + ": run deploy/local/up first");
            System.exit(1);
        }
        Tokens tokens = Tokens.inDirectory(keys);
        // a person's token for a working day; the keyholder's (the projection's) for as long as KeyholderMinter's
        System.out.println(args[0].equals("keyholder") ? tokens.keyholder(KeyholderMinter.VALIDITY)
                : tokens.token(args.length > 1 ? args[1] : "local-" + args[0], args[0], Duration.ofHours(12)));
    }
}
