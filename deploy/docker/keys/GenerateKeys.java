import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The compose stack's JWT key pair, made once: {@code java GenerateKeys.java /keys /public} writes the private key
 * to /keys/private.pem (the jwt-private volume: only what mints tokens mounts it) and the public key, which every
 * service gets, to /public/public.pem. Nothing is made twice.
 */
public class GenerateKeys {
    public static void main(String[] args) throws Exception {
        Path privateDir = Path.of(args.length > 0 ? args[0] : "/keys");
        Path publicDir = Path.of(args.length > 1 ? args[1] : "/public");
        Files.createDirectories(privateDir);
        Files.createDirectories(publicDir);
        if (Files.exists(privateDir.resolve("private.pem"))) {
            System.out.println("keys exist in " + privateDir);
            return;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path publicKey = publicDir.resolve("public.pem");
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.setPosixFilePermissions(publicKey, PosixFilePermissions.fromString("r--r--r--"));
        // the minters run as root in their containers; nobody else reads it
        Path privateKey = privateDir.resolve("private.pem");
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("r--------"));
        System.out.println("made a key pair: the private key in " + privateDir + ", the public key in " + publicDir);
    }

    static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
               + "\n-----END " + kind + "-----\n";
    }
}
