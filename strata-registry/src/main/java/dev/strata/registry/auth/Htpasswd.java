package dev.strata.registry.auth;

import dev.strata.core.StrataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The accounts of an Apache htpasswd file, bcrypt entries only ({@code htpasswd -B}), as CNCF Distribution reads
 * them. The file is read again whenever its modification time, size or identity changes, so accounts can be added and
 * passwords changed without a restart; if it becomes unreadable the last good reading stays in force. Unknown users
 * and non-bcrypt entries cost one bcrypt comparison like known ones, so timing does not tell which names exist. A
 * successful check is remembered (as an HMAC of the password under a per-process key) until the file changes, so a
 * push of many blobs does not pay bcrypt on every request. Thread-safe.
 */
public final class Htpasswd {
    private static final int DEFAULT_COST = 10;

    private final Path file;
    private final byte[] cacheKey = new byte[32];
    private volatile Snapshot snapshot;

    /** Reads {@code file}; it must exist. */
    public Htpasswd(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        new SecureRandom().nextBytes(cacheKey);
        try {
            this.snapshot = read(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot read htpasswd file " + file
                    + ": " + e.getMessage() + "; create it with `htpasswd -cB " + file + " USER`", e);
        }
    }

    public Path file() {
        return file;
    }

    /** Whether {@code user} exists with a bcrypt entry whose password is {@code password}. */
    public boolean authenticate(String user, String password) {
        Snapshot current = current();
        String hash = current.hashes().get(user);
        if (hash == null || user.equals(AccessRule.ANONYMOUS)) {
            checkQuietly(password, current.dummy());
            return false;
        }
        byte[] mac = mac(password);
        byte[] remembered = current.verified().get(user);
        if (remembered != null && MessageDigest.isEqual(remembered, mac)) {
            return true;
        }
        boolean ok = checkQuietly(password, hash);
        if (ok) {
            current.verified().put(user, mac);
        }
        return ok;
    }

    /**
     * A short digest of {@code user}'s current entry, or empty if there is none: refresh tokens carry it, so that
     * changing a password or removing the account revokes them.
     */
    public Optional<String> entryFingerprint(String user) {
        String hash = current().hashes().get(user);
        if (hash == null || user.equals(AccessRule.ANONYMOUS)) {
            return Optional.empty();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(hash.getBytes(StandardCharsets.UTF_8));
            return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 12)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (known.sameFile(attributes)) {
                return known;
            }
            synchronized (this) {
                if (!snapshot.sameFile(attributes)) {
                    snapshot = read(attributes);
                }
                return snapshot;
            }
        } catch (IOException e) {
            return known;
        }
    }

    private Snapshot read(BasicFileAttributes attributes) throws IOException {
        var hashes = new HashMap<String, String>();
        int cost = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String entry = line.strip();
            int colon = entry.indexOf(':');
            if (entry.isEmpty() || entry.startsWith("#") || colon <= 0) {
                continue;
            }
            String hash = entry.substring(colon + 1);
            if (isBcrypt(hash)) {
                hashes.put(entry.substring(0, colon), hash);
                cost = Math.max(cost, Integer.parseInt(hash.substring(4, 6)));
            }
        }
        String dummy = BCrypt.hashpw("strata-dummy", BCrypt.gensalt(cost == 0 ? DEFAULT_COST : cost));
        return new Snapshot(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey(),
                Map.copyOf(hashes), dummy, new ConcurrentHashMap<>());
    }

    /** {@code $2a$}, {@code $2b$} or {@code $2y$}, a two-digit cost, and 53 characters of salt and hash. */
    private static boolean isBcrypt(String hash) {
        return hash.length() == 60 && hash.matches("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
    }

    private static boolean checkQuietly(String password, String hash) {
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException e) {
            // bcrypt refuses passwords over 72 bytes, as Distribution's does
            return false;
        }
    }

    private byte[] mac(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }

    private record Snapshot(java.nio.file.attribute.FileTime modified, long size, Object fileKey,
                            Map<String, String> hashes, String dummy,
                            Map<String, byte[]> verified) {
        boolean sameFile(BasicFileAttributes attributes) {
            return attributes.lastModifiedTime().equals(modified) && attributes.size() == size
                    && Objects.equals(attributes.fileKey(), fileKey);
        }
    }
}
