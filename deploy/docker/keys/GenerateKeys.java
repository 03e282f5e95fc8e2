import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The compose stack's JWT key pair, made once in the keys volume (java GenerateKeys.java /keys); also writes the
 * keyholder token the projection uses to open contact points through membership. Nothing is made twice.
 */
public class GenerateKeys {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/keys");
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve("private.pem"))) {
            System.out.println("keys exist in " + dir);
            return;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(dir.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(dir.resolve("keyholder.token"),
                Token.sign(pair.getPrivate(), "projection", "keyholder", 3650L * 24 * 3600));
        System.out.println("made a key pair and the projection's keyholder token in " + dir);
    }

    static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
               + "\n-----END " + kind + "-----\n";
    }
}
