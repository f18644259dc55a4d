package dev.strata.core.store;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Reference;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a local image the way Docker does: a full ID ({@code sha256:…}), a tag or digest reference
 * ({@code busybox}, {@code busybox:1.36}, {@code name@sha256:…}), or a unique ID prefix ({@code 7b47}).
 */
public final class ImageResolver {
    private static final Pattern HEX_PREFIX = Pattern.compile("(sha256:)?[a-f0-9]{1,64}");

    private ImageResolver() {}

    public static ImageRecord resolve(ImageIndex.Snapshot index, String text) {
        return find(index, text).orElseThrow(() -> new ImageNotFoundException(displayName(text)));
    }

    public static Optional<ImageRecord> find(ImageIndex.Snapshot index, String text) {
        if (text.startsWith("sha256:") && Digest.isDigest(text)) {
            return index.byId(Digest.parse(text));
        }
        Optional<Reference> reference = Reference.tryParse(text);
        if (reference.isPresent()) {
            Reference ref = reference.get();
            Optional<ImageRecord> found = ref.digest() != null
                    ? index.byRepoDigest(ref.name() + "@" + ref.digest())
                    : index.byTag(ref.withDefaultTag().toString());
            if (found.isPresent()) {
                return found;
            }
        }
        if (HEX_PREFIX.matcher(text).matches()) {
            String prefix = text.startsWith("sha256:") ? text.substring(7) : text;
            List<ImageRecord> matches = index.byIdPrefix(prefix);
            if (matches.size() > 1) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                        "multiple images found with provided prefix: " + text);
            }
            return matches.stream().findFirst();
        }
        if (reference.isEmpty()) {
            Reference.parse(text);
        }
        return Optional.empty();
    }

    /** How Docker names a missing image in its error: with {@code :latest} added to a bare name. */
    static String displayName(String text) {
        if (HEX_PREFIX.matcher(text).matches() && !text.startsWith("sha256:")) {
            return Reference.tryParse(text).map(r -> r.withDefaultTag().familiar()).orElse(text);
        }
        return Reference.tryParse(text).map(r -> r.withDefaultTag().familiar()).orElse(text);
    }
}
