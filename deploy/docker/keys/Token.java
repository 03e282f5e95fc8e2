import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

/**
 * Prints a bearer token for a role, signed with the compose stack's key:
 *   docker compose run --rm jwt-keys java /scripts/Token.java secretariat
 */
public class Token {
    public static final String ISSUER = "https://tcy-ledger.local";

    public static void main(String[] args) throws Exception {
        String role = args.length > 0 ? args[0] : "observer";
        String pem = Files.readString(Path.of(args.length > 1 ? args[1] : "/keys/private.pem"))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        System.out.println(sign(key, "compose-" + role, role, 12 * 3600));
    }

    static String sign(PrivateKey key, String subject, String role, long seconds) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                        + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":" + (now + seconds)
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
