package dev.strata.registry.api;

import static dev.strata.registry.TestRegistry.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.oci.Digest;
import dev.strata.registry.TestRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushing and pulling blobs over HTTP as the distribution spec describes, faults included. */
class BlobApiTest {
    @TempDir
    Path storage;
    TestRegistry registry;
    final byte[] content = new byte[2048];

    @BeforeEach
    void start() {
        registry = new TestRegistry(storage);
        new Random(7).nextBytes(content);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void baseAnswersWithTheApiVersion() {
        HttpResponse<byte[]> response = registry.get("/v2/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
    }

    @Test
    void singlePostPushIsPulledWithDigestAndLength() {
        Digest digest = registry.pushBlob("team/app", content);
        HttpResponse<byte[]> get = registry.get("/v2/team/app/blobs/" + digest);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo(content);
        assertThat(get.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
        HttpResponse<byte[]> head = registry.send("HEAD", "/v2/team/app/blobs/" + digest, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("2048");
        assertThat(registry.get("/v2/other/blobs/" + digest).statusCode()).isEqualTo(404);
    }

    @Test
    void aBlobTooBigToKeepMappedIsServedWholeAndInRanges() {
        byte[] big = new byte[(int) MappedBlobs.CACHED_MAX + 4096];
        new java.util.Random(5).nextBytes(big);
        Digest digest = registry.pushBlob("big", big);
        HttpResponse<byte[]> whole = registry.get("/v2/big/blobs/" + digest);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(Digest.sha256(whole.body())).isEqualTo(digest);
        long from = big.length - 10_000;
        HttpResponse<byte[]> tail = registry.get("/v2/big/blobs/" + digest, "Range", "bytes=" + from + "-");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes " + from + "-" + (big.length - 1) + "/" + big.length);
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(big, (int) from, big.length));
    }

    @Test
    void rangesAreServedAndRefusedAsTheSpecTests() {
        Digest digest = registry.pushBlob("r", content);
        String path = "/v2/r/blobs/" + digest;
        HttpResponse<byte[]> middle = registry.get(path, "Range", "bytes=500-1499");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(content, 500, 1500));
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 500-1499/2048");
        assertThat(registry.get(path, "Range", "bytes=500-").body()).isEqualTo(Arrays.copyOfRange(content, 500, 2048));
        assertThat(registry.get(path, "Range", "bytes=-500").body()).isEqualTo(Arrays.copyOfRange(content, 1548, 2048));
        HttpResponse<byte[]> clamped = registry.get(path, "Range", "bytes=2000-5000");
        assertThat(clamped.statusCode()).isEqualTo(206);
        assertThat(clamped.headers().firstValue("Content-Range")).hasValue("bytes 2000-2047/2048");
        assertThat(registry.get(path, "Range", "bytes=500-0").statusCode()).isEqualTo(416);
        HttpResponse<byte[]> beyond = registry.get(path, "Range", "bytes=5000-10000");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */2048");
    }

    @Test
    void chunkedUploadRefusesOutOfOrderChunksAndKeepsTheSession() {
        HttpResponse<byte[]> post = registry.send("POST", "/v2/c/blobs/uploads/", null);
        assertThat(post.statusCode()).isEqualTo(202);
        String location = post.headers().firstValue("Location").orElseThrow();
        assertThat(post.headers().firstValue("Docker-Upload-UUID")).isPresent();
        assertThat(registry.send("PATCH", location, Arrays.copyOfRange(content, 1024, 2048),
                "Content-Range", "1024-2047", "Content-Type", "application/octet-stream").statusCode()).isEqualTo(416);
        HttpResponse<byte[]> first = registry.send("PATCH", location, Arrays.copyOfRange(content, 0, 1024),
                "Content-Range", "0-1023", "Content-Type", "application/octet-stream");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("Range")).hasValue("0-1023");
        HttpResponse<byte[]> retry = registry.send("PATCH", location, Arrays.copyOfRange(content, 0, 1024),
                "Content-Range", "0-1023", "Content-Type", "application/octet-stream");
        assertThat(retry.statusCode()).isEqualTo(416);
        assertThat(retry.headers().firstValue("Location")).isPresent();
        HttpResponse<byte[]> status = registry.get(location);
        assertThat(status.statusCode()).isEqualTo(204);
        assertThat(status.headers().firstValue("Range")).hasValue("0-1023");
        Digest digest = Digest.sha256(content);
        HttpResponse<byte[]> put = registry.send("PUT", location + "?digest=" + digest, Arrays.copyOfRange(content, 1024, 2048),
                "Content-Range", "1024-2047", "Content-Type", "application/octet-stream");
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("Location")).hasValue("/v2/c/blobs/" + digest);
        assertThat(registry.get("/v2/c/blobs/" + digest).body()).isEqualTo(content);
    }

    @Test
    void streamedPatchWithoutRangeThenClosingPut() {
        String location = registry.send("POST", "/v2/s/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
        assertThat(registry.send("PATCH", location, content, "Content-Type", "application/octet-stream").statusCode()).isEqualTo(202);
        Digest digest = Digest.sha256(content);
        assertThat(registry.send("PUT", location + "?digest=" + digest, null).statusCode()).isEqualTo(201);
        assertThat(registry.get("/v2/s/blobs/" + digest).statusCode()).isEqualTo(200);
    }

    @Test
    void bytesThatDoNotMatchTheDigestAreRefusedAndNeverVisible() {
        Digest claimed = Digest.sha256(content);
        byte[] tampered = content.clone();
        tampered[0] ^= 1;
        HttpResponse<byte[]> post = registry.send("POST", "/v2/bad/blobs/uploads/?digest=" + claimed, tampered);
        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(text(post)).contains("\"code\":\"DIGEST_INVALID\"");
        String location = registry.send("POST", "/v2/bad/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
        assertThat(registry.send("PUT", location + "?digest=" + claimed, tampered).statusCode()).isEqualTo(400);
        assertThat(registry.get("/v2/bad/blobs/" + claimed).statusCode()).isEqualTo(404);
        assertThat(registry.server.store().blobs().exists(claimed)).isFalse();
        assertThat(registry.get(location).statusCode()).isEqualTo(404);
    }

    @Test
    void closingWithoutADigestOrWithAMalformedOneIsRefused() {
        String location = registry.send("POST", "/v2/d/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
        assertThat(text(registry.send("PUT", location, content))).contains("DIGEST_INVALID");
        assertThat(registry.send("PUT", location + "?digest=sha256:abc", content).statusCode()).isEqualTo(400);
    }

    @Test
    void sha512BlobsArePushedChunkedAndPulled() throws Exception {
        Digest digest = new Digest("sha512", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(content)));
        String location = registry.send("POST", "/v2/x/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
        registry.send("PATCH", location, content, "Content-Range", "0-2047");
        assertThat(registry.send("PUT", location + "?digest=" + digest, null).statusCode()).isEqualTo(201);
        HttpResponse<byte[]> get = registry.get("/v2/x/blobs/" + digest);
        assertThat(get.body()).isEqualTo(content);
        assertThat(get.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
    }

    @Test
    void emptyBlobRoundTrips() {
        Digest digest = registry.pushBlob("e", new byte[0]);
        HttpResponse<byte[]> get = registry.get("/v2/e/blobs/" + digest);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEmpty();
    }

    @Test
    void cancelledUploadIsForgotten() {
        String location = registry.send("POST", "/v2/x/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
        assertThat(registry.send("DELETE", location, null).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> after = registry.get(location);
        assertThat(after.statusCode()).isEqualTo(404);
        assertThat(text(after)).contains("BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    void mountsFromAnotherRepositoryOrFallsBackToAnUpload() {
        Digest digest = registry.pushBlob("source/repo", content);
        HttpResponse<byte[]> mounted = registry.send("POST", "/v2/target/blobs/uploads/?mount=" + digest + "&from=source/repo", null);
        assertThat(mounted.statusCode()).isEqualTo(201);
        assertThat(mounted.headers().firstValue("Location")).hasValue("/v2/target/blobs/" + digest);
        assertThat(registry.get("/v2/target/blobs/" + digest).body()).isEqualTo(content);
        HttpResponse<byte[]> anonymous = registry.send("POST", "/v2/third/blobs/uploads/?mount=" + digest, null);
        assertThat(anonymous.statusCode()).isEqualTo(201);
        Digest missing = Digest.sha256(new byte[] {1});
        HttpResponse<byte[]> fallback = registry.send("POST", "/v2/target/blobs/uploads/?mount=" + missing + "&from=source/repo", null);
        assertThat(fallback.statusCode()).isEqualTo(202);
        assertThat(fallback.headers().firstValue("Location").orElseThrow()).startsWith("/v2/target/blobs/uploads/");
    }

    @Test
    void deletedBlobIsGoneFromThatRepositoryAtOnce() {
        Digest digest = registry.pushBlob("one", content);
        registry.pushBlob("two", content);
        assertThat(registry.send("DELETE", "/v2/one/blobs/" + digest, null).statusCode()).isEqualTo(202);
        assertThat(registry.send("HEAD", "/v2/one/blobs/" + digest, null).statusCode()).isEqualTo(404);
        assertThat(registry.send("DELETE", "/v2/one/blobs/" + digest, null).statusCode()).isEqualTo(404);
        assertThat(registry.get("/v2/two/blobs/" + digest).statusCode()).isEqualTo(200);
    }

    @Test
    void invalidNamesAndDigestsGetTheSpecErrors() {
        HttpResponse<byte[]> badName = registry.get("/v2/Upper/Case/blobs/" + Digest.sha256(content));
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(text(badName)).contains("\"code\":\"NAME_INVALID\"").contains("\"message\"");
        assertThat(text(registry.get("/v2/ok/blobs/sha256:nothex"))).contains("DIGEST_INVALID");
        assertThat(registry.get("/v2/ok/blobs/" + Digest.sha256(content)).statusCode()).isEqualTo(404);
    }

    @Test
    void eachRequestIsLoggedOnce() {
        registry.get("/v2/");
        registry.get("/v2/nothing/blobs/" + Digest.sha256(content));
        // the line is written once the response is complete, which the client may see first
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (registry.log.size() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(registry.log).extracting(AccessLog.Entry::status).containsExactly(200, 404);
        assertThat(registry.log.get(1).line()).contains("\"GET /v2/nothing/blobs/").contains(" 404 ").contains("anonymous");
    }
}
