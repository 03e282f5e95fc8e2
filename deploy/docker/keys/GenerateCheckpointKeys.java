import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * One Ed25519 checkpoint signing key per write service, made once:
 * {@code java GenerateCheckpointKeys.java /checkpoint-keys/membership /checkpoint-keys/meetings ...} writes
 * private.pem (PKCS#8, what TCY_CHECKPOINTS_KEY_FILE names) and public.pem into each directory, which is a volume
 * that only its own service mounts. The private key belongs to the services' user (uid 185) and only it may read it.
 */
public class GenerateCheckpointKeys {

    private static final int SERVICE_UID = 185;

    public static void main(String[] args) throws Exception {
        for (String dir : args) {
            Path directory = Path.of(dir);
            Files.createDirectories(directory);
            Path privateKey = directory.resolve("private.pem");
            if (Files.exists(privateKey)) {
                System.out.println("a checkpoint key exists in " + directory);
                continue;
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Path publicKey = directory.resolve("public.pem");
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.setPosixFilePermissions(publicKey, PosixFilePermissions.fromString("r--r--r--"));
            Path next = directory.resolve("private.pem.next");
            Files.writeString(next, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.setAttribute(next, "unix:uid", SERVICE_UID);
            Files.setAttribute(next, "unix:gid", SERVICE_UID);
            Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("r--------"));
            Files.move(next, privateKey);
            System.out.println("made a checkpoint key pair in " + directory);
        }
    }

    static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
               + "\n-----END " + kind + "-----\n";
    }
}
