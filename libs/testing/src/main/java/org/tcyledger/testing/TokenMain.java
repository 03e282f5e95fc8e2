package org.tcyledger.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** {@code deploy/local/token ROLE}: prints a bearer token that the local services accept for that role. */
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
        String subject = args.length > 1 ? args[1] : "local-" + args[0];
        // a service's token lives as long as the local stack; a person's for a working day
        Duration validity = args[0].equals("keyholder") ? Duration.ofDays(3650) : Duration.ofHours(12);
        System.out.println(Tokens.inDirectory(keys).token(subject, args[0], validity));
    }
}
