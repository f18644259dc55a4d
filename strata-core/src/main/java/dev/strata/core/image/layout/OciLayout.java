package dev.strata.core.image.layout;

import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.InvalidDigestException;
import dev.strata.core.oci.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fixed file names, blob paths and naming annotations of the OCI image layout, shared by directories and archives. */
public final class OciLayout {
    /** The file that marks a directory (or archive) as an OCI image layout. */
    public static final String LAYOUT_FILE = "oci-layout";
    /** The layout's entry point: an image index. */
    public static final String INDEX_FILE = "index.json";
    /** The directory of content-addressed blobs. */
    public static final String BLOBS = "blobs";
    /** The spec's annotation for an entry's reference name; Docker and containerd put the bare tag there. */
    public static final String REF_NAME = "org.opencontainers.image.ref.name";
    /** containerd's annotation with the full image name, e.g. {@code docker.io/library/busybox:latest}. */
    public static final String IMAGE_NAME = "io.containerd.image.name";

    private static final Pattern BLOB_PATH = Pattern.compile("blobs/(sha256|sha512)/([a-f0-9]+)");
    // Byte for byte what Docker 25 writes (note the space after the colon).
    private static final String LAYOUT_CONTENT = "{\"imageLayoutVersion\": \"1.0.0\"}";

    private OciLayout() {}

    /** The content of the {@code oci-layout} file. */
    public static byte[] layoutFileContent() {
        return LAYOUT_CONTENT.getBytes(StandardCharsets.UTF_8);
    }

    /** The path of a blob relative to the layout root: {@code blobs/sha256/<hex>}. */
    public static String blobPath(Digest digest) {
        return BLOBS + "/" + digest.algorithm() + "/" + digest.encoded();
    }

    /** The digest a path of the form {@code blobs/<algorithm>/<hex>} names, if it has that form. */
    public static Optional<Digest> digestOfPath(String path) {
        Matcher m = BLOB_PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Digest(m.group(1), m.group(2)));
        } catch (InvalidDigestException e) {
            return Optional.empty();
        }
    }

    /** The annotations that name a tagged reference in an index, as Docker writes them: full name and bare tag. */
    public static Map<String, String> nameAnnotations(Reference tagged) {
        return Map.of(IMAGE_NAME, tagged.toString(), REF_NAME, tagged.tag());
    }

    /**
     * The tagged reference an index entry's annotations name: the full containerd name if present, else the
     * spec's ref name when it is a whole reference with a tag. A bare tag ({@code latest}) names no repository,
     * so it yields nothing.
     */
    public static Optional<Reference> referenceOf(Descriptor entry) {
        Optional<Reference> full = tagged(entry.annotations().get(IMAGE_NAME));
        return full.isPresent() ? full : tagged(entry.annotations().get(REF_NAME));
    }

    private static Optional<Reference> tagged(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return Reference.tryParse(text).filter(Reference::isTagged).map(r -> r.withTag(r.tag()));
    }
}
