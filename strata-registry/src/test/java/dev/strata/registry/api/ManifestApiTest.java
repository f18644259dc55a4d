package dev.strata.registry.api;

import static dev.strata.registry.TestRegistry.text;
import static dev.strata.registry.TestRegistry.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Json;
import dev.strata.registry.TestRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests, tags, the catalog, referrers and search over HTTP. */
class ManifestApiTest {
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

    @TempDir
    Path storage;
    TestRegistry registry;
    byte[] config = utf8("{\"architecture\":\"amd64\",\"os\":\"linux\"}");
    byte[] layer = utf8("not really a tar, but bytes");
    Digest configDigest;
    Digest layerDigest;

    @BeforeEach
    void start() {
        registry = new TestRegistry(storage);
        configDigest = registry.pushBlob("app", config);
        layerDigest = registry.pushBlob("app", layer);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    byte[] manifest(String extra) {
        return TestRegistry.imageManifest(configDigest, config.length, List.of(layerDigest), List.of((long) layer.length), extra);
    }

    @Test
    void pushedByTagIsPulledByTagAndDigestWithItsOwnMediaType() {
        byte[] manifest = manifest("");
        Digest digest = Digest.sha256(manifest);
        HttpResponse<byte[]> put = registry.putManifest("app", "v1", OCI_MANIFEST, manifest);
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
        assertThat(put.headers().firstValue("Location")).hasValue("/v2/app/manifests/" + digest);
        for (String reference : List.of("v1", digest.toString())) {
            HttpResponse<byte[]> get = registry.get("/v2/app/manifests/" + reference, "Accept", OCI_MANIFEST);
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.body()).isEqualTo(manifest);
            assertThat(get.headers().firstValue("Content-Type")).hasValue(OCI_MANIFEST);
            assertThat(get.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
        }
        HttpResponse<byte[]> head = registry.send("HEAD", "/v2/app/manifests/v1", null);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(manifest.length));
    }

    @Test
    void clientThatAcceptsOnlyOtherTypesDoesNotGetIt() {
        registry.putManifest("app", "v1", OCI_MANIFEST, manifest(""));
        HttpResponse<byte[]> get = registry.get("/v2/app/manifests/v1", "Accept",
                "application/vnd.docker.distribution.manifest.v2+json");
        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(text(get)).contains("MANIFEST_UNKNOWN");
        assertThat(registry.get("/v2/app/manifests/v1", "Accept", "*/*").statusCode()).isEqualTo(200);
    }

    @Test
    void aNameThatCannotBeATagIsUnknownToReadersAndInvalidToWriters() {
        registry.putManifest("app", "v1", OCI_MANIFEST, manifest(""));
        HttpResponse<byte[]> get = registry.get("/v2/app/manifests/.not-a-tag");
        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(text(get)).contains("MANIFEST_UNKNOWN");
        assertThat(registry.send("HEAD", "/v2/app/manifests/.not-a-tag", null).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> put = registry.putManifest("app", ".not-a-tag", OCI_MANIFEST, manifest(""));
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(text(put)).contains("MANIFEST_INVALID");
    }

    @Test
    void manifestNamingMissingBlobsIsRefused() {
        Digest missing = Digest.sha256(utf8("never pushed"));
        byte[] manifest = TestRegistry.imageManifest(configDigest, config.length, List.of(missing), List.of(12L), "");
        HttpResponse<byte[]> put = registry.putManifest("app", "broken", OCI_MANIFEST, manifest);
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(text(put)).contains("MANIFEST_BLOB_UNKNOWN").contains(missing.toString());
        assertThat(registry.get("/v2/app/manifests/broken").statusCode()).isEqualTo(404);
    }

    @Test
    void blobsOfAnotherRepositoryAreMountedByTheManifestPush() {
        HttpResponse<byte[]> put = registry.putManifest("elsewhere", "v1", OCI_MANIFEST, manifest(""));
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(registry.get("/v2/elsewhere/blobs/" + layerDigest).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedHugeAndMisaddressedManifestsAreRefused() {
        assertThat(text(registry.putManifest("app", "x", OCI_MANIFEST, utf8("{not json")))).contains("MANIFEST_INVALID");
        assertThat(text(registry.putManifest("app", "x", OCI_MANIFEST, utf8("{\"schemaVersion\":1}")))).contains("MANIFEST_INVALID");
        byte[] huge = new byte[5 << 20];
        java.util.Arrays.fill(huge, (byte) ' ');
        HttpResponse<byte[]> tooBig = registry.putManifest("app", "x", OCI_MANIFEST, huge);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(text(tooBig)).contains("MANIFEST_INVALID");
        HttpResponse<byte[]> wrongDigest = registry.putManifest("app", Digest.sha256(utf8("other")).toString(), OCI_MANIFEST, manifest(""));
        assertThat(wrongDigest.statusCode()).isEqualTo(400);
        assertThat(text(wrongDigest)).contains("DIGEST_INVALID");
        assertThat(registry.putManifest("app", "sha256:baddigeststring", OCI_MANIFEST, manifest("")).statusCode()).isEqualTo(400);
        assertThat(registry.putManifest("app", "-bad-tag", OCI_MANIFEST, manifest("")).statusCode()).isEqualTo(400);
    }

    @Test
    void pushByDigestWithTagParameters() {
        byte[] manifest = manifest("");
        Digest digest = Digest.sha256(manifest);
        HttpResponse<byte[]> put = registry.putManifest("app", digest + "?tag=a&tag=b", OCI_MANIFEST, manifest);
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().allValues("OCI-Tag")).containsExactly("a", "b");
        assertThat(registry.get("/v2/app/manifests/b").body()).isEqualTo(manifest);
    }

    @Test
    void indexNeedsItsChildrenFirst() {
        byte[] child = manifest("");
        Digest childDigest = Digest.sha256(child);
        byte[] index = utf8("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":[{\"mediaType\":\""
                + OCI_MANIFEST + "\",\"digest\":\"" + childDigest + "\",\"size\":" + child.length + "}]}");
        assertThat(text(registry.putManifest("app", "multi", OCI_INDEX, index))).contains("MANIFEST_BLOB_UNKNOWN");
        registry.putManifest("app", childDigest.toString(), OCI_MANIFEST, child);
        assertThat(registry.putManifest("app", "multi", OCI_INDEX, index).statusCode()).isEqualTo(201);
        assertThat(registry.get("/v2/app/manifests/multi").headers().firstValue("Content-Type")).hasValue(OCI_INDEX);
    }

    @Test
    void tagsAreListedInLexicalPagesWithALink() {
        byte[] manifest = manifest("");
        for (String tag : List.of("b", "a", "d", "c")) {
            registry.putManifest("app", tag, OCI_MANIFEST, manifest);
        }
        assertThat(json(registry.get("/v2/app/tags/list")).get("tags").toString()).isEqualTo("[\"a\",\"b\",\"c\",\"d\"]");
        HttpResponse<byte[]> page = registry.get("/v2/app/tags/list?n=2");
        assertThat(json(page).get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(page.headers().firstValue("Link")).hasValue("</v2/app/tags/list?n=2&last=b>; rel=\"next\"");
        HttpResponse<byte[]> next = registry.get("/v2/app/tags/list?n=2&last=b");
        assertThat(json(next).get("tags").toString()).isEqualTo("[\"c\",\"d\"]");
        assertThat(next.headers().firstValue("Link")).isEmpty();
        assertThat(json(registry.get("/v2/app/tags/list?n=0")).get("tags").size()).isZero();
        assertThat(json(registry.get("/v2/app/tags/list?last=c")).get("tags").toString()).isEqualTo("[\"d\"]");
        assertThat(registry.get("/v2/nobody/tags/list").statusCode()).isEqualTo(404);
    }

    @Test
    void catalogListsRepositoriesInPages() {
        registry.pushBlob("zeta", config);
        registry.pushBlob("alpha/one", config);
        assertThat(json(registry.get("/v2/_catalog")).get("repositories").toString())
                .isEqualTo("[\"alpha/one\",\"app\",\"zeta\"]");
        HttpResponse<byte[]> page = registry.get("/v2/_catalog?n=1&last=alpha/one");
        assertThat(json(page).get("repositories").toString()).isEqualTo("[\"app\"]");
        assertThat(page.headers().firstValue("Link")).isPresent();
    }

    @Test
    void referrersListSubjectsEvenPushedBeforeTheirSubject() {
        byte[] subject = manifest("");
        Digest subjectDigest = Digest.sha256(subject);
        Digest empty = registry.pushBlob("app", utf8("{}"));
        String sbom = "{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"artifactType\":\"application/vnd.example.sbom\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + empty + "\",\"size\":2},"
                + "\"layers\":[],\"subject\":{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\"" + subjectDigest + "\",\"size\":"
                + subject.length + "},\"annotations\":{\"org.example\":\"yes\"}}";
        String signature = sbom.replace("application/vnd.example.sbom", "application/vnd.example.sig").replace("yes", "no");
        HttpResponse<byte[]> put = registry.putManifest("app", Digest.sha256(utf8(sbom)).toString(), OCI_MANIFEST, utf8(sbom));
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(put.headers().firstValue("OCI-Subject")).hasValue(subjectDigest.toString());
        registry.putManifest("app", Digest.sha256(utf8(signature)).toString(), OCI_MANIFEST, utf8(signature));
        registry.putManifest("app", "v1", OCI_MANIFEST, subject);

        HttpResponse<byte[]> all = registry.get("/v2/app/referrers/" + subjectDigest);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).hasValue(OCI_INDEX);
        JsonNode index = json(all);
        assertThat(index.get("manifests")).hasSize(2);
        assertThat(index.get("manifests").findValuesAsText("artifactType"))
                .containsExactlyInAnyOrder("application/vnd.example.sbom", "application/vnd.example.sig");
        HttpResponse<byte[]> filtered = registry.get("/v2/app/referrers/" + subjectDigest + "?artifactType=application/vnd.example.sig");
        assertThat(filtered.headers().firstValue("OCI-Filters-Applied")).hasValue("artifactType");
        JsonNode only = json(filtered).get("manifests");
        assertThat(only).hasSize(1);
        assertThat(only.get(0).get("annotations").get("org.example").asText()).isEqualTo("no");
        HttpResponse<byte[]> none = registry.get("/v2/nobody/referrers/" + subjectDigest);
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(json(none).get("manifests")).isEmpty();
        assertThat(registry.get("/v2/app/referrers/sha256:zzz").statusCode()).isEqualTo(400);
    }

    @Test
    void deletingATagKeepsTheManifestAndDeletingTheManifestDropsItsTags() {
        byte[] manifest = manifest("");
        Digest digest = Digest.sha256(manifest);
        registry.putManifest("app", "keep", OCI_MANIFEST, manifest);
        registry.putManifest("app", "drop", OCI_MANIFEST, manifest);
        assertThat(registry.send("DELETE", "/v2/app/manifests/drop", null).statusCode()).isEqualTo(202);
        assertThat(registry.get("/v2/app/manifests/drop").statusCode()).isEqualTo(404);
        assertThat(registry.get("/v2/app/manifests/" + digest).statusCode()).isEqualTo(200);
        assertThat(registry.send("DELETE", "/v2/app/manifests/" + digest, null).statusCode()).isEqualTo(202);
        assertThat(registry.send("HEAD", "/v2/app/manifests/keep", null).statusCode()).isEqualTo(404);
        assertThat(registry.send("HEAD", "/v2/app/manifests/" + digest, null).statusCode()).isEqualTo(404);
        assertThat(registry.send("DELETE", "/v2/app/manifests/" + digest, null).statusCode()).isEqualTo(404);
        assertThat(registry.send("DELETE", "/v2/nobody/manifests/" + digest, null).statusCode()).isEqualTo(404);
    }

    @Test
    void searchAnswersInDockerHubShape() {
        registry.pushBlob("library/busybox", config);
        registry.pushBlob("team/busybox-tools", config);
        JsonNode found = json(registry.get("/v1/search?q=busybox&n=1"));
        assertThat(found.get("num_results").asInt()).isEqualTo(2);
        assertThat(found.get("query").asText()).isEqualTo("busybox");
        assertThat(found.get("results")).hasSize(1);
        JsonNode first = found.get("results").get(0);
        assertThat(first.get("name").asText()).isEqualTo("library/busybox");
        assertThat(first.has("star_count") && first.has("is_official") && first.has("is_automated") && first.has("description")).isTrue();
        assertThat(json(registry.get("/v1/search?q=busybox&n=1&page=2")).get("results").get(0).get("name").asText())
                .isEqualTo("team/busybox-tools");
    }

    @Test
    void healthAnswers() {
        assertThat(registry.get("/healthz").statusCode()).isEqualTo(200);
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        return Json.tree(response.body(), "response");
    }
}
