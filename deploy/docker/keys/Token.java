import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Bearer tokens signed with the compose stack's key (/keys/private.pem, the jwt-private volume):
 *   docker compose run --rm jwt-keys java /scripts/Token.java secretariat     prints a token for a role (12 hours)
 *   java /scripts/Token.java --renew /keyholder/keyholder.token               the keyholder minter: the projection's
 *       token (an hour, scoped to contact points) written at once and renewed every half hour, readable by uid 185
 */
public class Token {
    public static final String ISSUER = "https://tcy-ledger.local";
    /** What every service checks (mp.jwt.verify.audiences). */
    public static final String AUDIENCE = "tcy-ledger";
    /** The keyholder's scope: membership opens contact points for it, nothing else. */
    public static final String CONTACT_POINTS_SCOPE = "unseal:contact-points";
    static final Duration KEYHOLDER_VALIDITY = Duration.ofHours(1);
    private static final int SERVICE_UID = 185;

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[0].equals("--renew")) {
            renew(Path.of(args[1]), key(Path.of(args.length > 2 ? args[2] : "/keys/private.pem")));
            return;
        }
        String role = args.length > 0 ? args[0] : "observer";
        PrivateKey key = key(Path.of(args.length > 1 ? args[1] : "/keys/private.pem"));
        System.out.println(role.equals("keyholder") ? keyholder(key)
                : sign(key, "compose-" + role, role, null, Duration.ofHours(12)));
    }

    static String keyholder(PrivateKey key) throws Exception {
        return sign(key, "projection", "keyholder", CONTACT_POINTS_SCOPE, KEYHOLDER_VALIDITY);
    }

    /** Writes the keyholder token whole (a move), then again with half its life left, until stopped. */
    static void renew(Path file, PrivateKey key) throws Exception {
        while (true) {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, keyholder(key) + "\n");
            Files.setAttribute(next, "unix:uid", SERVICE_UID);
            Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("r--------"));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println(Instant.now() + " renewed " + file + " (valid " + KEYHOLDER_VALIDITY + ")");
            Thread.sleep(KEYHOLDER_VALIDITY.dividedBy(2).toMillis());
        }
    }

    static PrivateKey key(Path file) throws IOException, java.security.GeneralSecurityException {
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    static String sign(PrivateKey key, String subject, String role, String scope, Duration validity) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject
                        + "\",\"upn\":\"" + subject + "\",\"groups\":[\"" + role + "\"]"
                        + (scope == null ? "" : ",\"scope\":\"" + scope + "\"")
                        + ",\"iat\":" + now + ",\"exp\":" + (now + validity.toSeconds())
                        + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String unsigned = url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                          + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(unsigned.getBytes(StandardCharsets.US_ASCII));
        return unsigned + "." + url.encodeToString(rsa.sign());
    }
}
