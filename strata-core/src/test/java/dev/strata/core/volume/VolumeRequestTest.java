package dev.strata.core.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolumeRequestTest {
    private static final Path CWD = Path.of("/work/project");

    @TempDir
    Path dir;

    private static MountSpec volumeFlag(String value) {
        return only(new VolumeRequest(List.of(value), List.of(), List.of()).parse(CWD));
    }

    private static MountSpec mountFlag(String value) {
        return only(new VolumeRequest(List.of(), List.of(value), List.of()).parse(CWD));
    }

    private static MountSpec tmpfsFlag(String value) {
        return only(new VolumeRequest(List.of(), List.of(), List.of(value)).parse(CWD));
    }

    private static MountSpec only(List<MountSpec> specs) {
        assertThat(specs).hasSize(1);
        return specs.getFirst();
    }

    @Test
    void volumeFlagForms() {
        assertThat(volumeFlag("/data")).isEqualTo(new MountSpec.Volume(null, "/data", false, false));
        assertThat(volumeFlag("cache:/var/cache/")).isEqualTo(new MountSpec.Volume("cache", "/var/cache", false, false));
        assertThat(volumeFlag("cache:/c:ro,nocopy")).isEqualTo(new MountSpec.Volume("cache", "/c", true, true));
        assertThat(volumeFlag("/srv/www:/usr/share/www:ro"))
                .isEqualTo(new MountSpec.Bind(Path.of("/srv/www"), "/usr/share/www", true));
        assertThat(volumeFlag("/srv:/srv:rw,rshared,z"))
                .isEqualTo(new MountSpec.Bind(Path.of("/srv"), "/srv", false, "rshared", true));
        assertThat(volumeFlag("/a/../b//c:/x/./y")).isEqualTo(new MountSpec.Bind(Path.of("/b/c"), "/x/y", false));
    }

    @Test
    void volumeFlagRelativeHostPathsFollowDocker27() {
        // ./x and . are bind mounts from the working directory; anything else relative is a volume name.
        assertThat(volumeFlag("./site:/site")).isEqualTo(new MountSpec.Bind(CWD.resolve("site"), "/site", false));
        assertThat(volumeFlag(".:/src")).isEqualTo(new MountSpec.Bind(CWD, "/src", false));
        assertThatThrownBy(() -> volumeFlag("../up:/x")).hasMessageContaining("\"../up\" includes invalid characters")
                .hasMessageContaining("use absolute path");
        assertThatThrownBy(() -> volumeFlag("~/home:/x")).hasMessageContaining("includes invalid characters");
        assertThatThrownBy(() -> volumeFlag("sub/dir:/x")).hasMessageContaining("includes invalid characters");
    }

    @ParameterizedTest(name = "-v {0}")
    @CsvSource(delimiter = '|', value = {
        "''                      | invalid empty volume spec",
        "/a::/b                  | invalid spec: /a::/b: empty section between colons",
        "/a:/b:ro:x              | invalid spec: /a:/b:ro:x: too many colons",
        "/a:ro                   | invalid volume specification: '/a:ro'",
        "/a:/b:rw,ro             | invalid mode: rw,ro",
        "/a:/b:bogus             | invalid mode: bogus",
        "/a:/b:z,Z               | invalid mode: z,Z",
        "relative                | invalid volume specification: 'relative': invalid mount config for type \"volume\": invalid mount path: 'relative' mount path must be absolute",
        "/host:/                 | invalid volume specification: '/host:/': invalid mount config for type \"bind\": invalid specification: destination can't be '/'",
        "/host:/x/..             | destination can't be '/'",
        "/host:/x:nocopy         | invalid mount config for type \"bind\": field VolumeOptions must not be specified",
        "name:/x:rshared         | invalid mount config for type \"volume\": field BindOptions must not be specified",
        "n:/x                    | volume name is too short, names should be at least two alphanumeric characters",
    })
    void volumeFlagErrors(String value, String message) {
        assertThatThrownBy(() -> volumeFlag(value))
                .isInstanceOfSatisfying(StrataException.class,
                        e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT))
                .hasMessageContaining(message);
    }

    @Test
    void mountFlagForms() {
        assertThat(mountFlag("type=bind,source=/srv,target=/srv,readonly"))
                .isEqualTo(new MountSpec.Bind(Path.of("/srv"), "/srv", true));
        assertThat(mountFlag("type=bind,src=./conf,dst=/etc/app,bind-propagation=rslave,bind-nonrecursive,ro=false"))
                .isEqualTo(new MountSpec.Bind(CWD.resolve("conf"), "/etc/app", false, "rslave", false));
        // type defaults to volume; no source makes it anonymous
        assertThat(mountFlag("target=/data")).isEqualTo(new MountSpec.Volume(null, "/data", false, false));
        assertThat(mountFlag("source=db,destination=/var/lib/db,volume-nocopy,volume-label=a=b,volume-label=c,"
                + "volume-opt=type=tmpfs,volume-opt=device=tmpfs,volume-driver=local,consistency=cached"))
                .isEqualTo(new MountSpec.Volume("db", "/var/lib/db", false, true, "local", Map.of("a", "b", "c", ""),
                        Map.of("type", "tmpfs", "device", "tmpfs")));
        // quoted CSV fields may hold commas
        assertThat(mountFlag("type=volume,src=v1,\"volume-opt=o=size=10m,uid=1000\",dst=/v"))
                .isEqualTo(new MountSpec.Volume("v1", "/v", false, false, null, Map.of(),
                        Map.of("o", "size=10m,uid=1000")));
        assertThat(mountFlag("type=tmpfs,dst=/run,tmpfs-size=64m,tmpfs-mode=1770"))
                .isEqualTo(new MountSpec.Tmpfs("/run", List.of("noexec", "nosuid", "nodev", "rprivate", "mode=1770", "size=64m")));
        assertThat(mountFlag("type=tmpfs,dst=/t,tmpfs-size=1000,readonly"))
                .isEqualTo(new MountSpec.Tmpfs("/t", List.of("noexec", "nosuid", "nodev", "rprivate", "ro", "size=1000")));
    }

    @ParameterizedTest(name = "--mount {0}")
    @CsvSource(delimiter = '|', value = {
        "type=bind,source=/a                       | target is required",
        "type=bind,target=/a,readonly=maybe        | invalid value for readonly: maybe",
        "type=bind,target=/a,bogus=1               | unexpected key 'bogus' in 'bogus=1'",
        "type=bind,target=/a,rw                    | invalid field 'rw' must be a key=value pair",
        "type=bind,target=/a,volume-nocopy         | cannot mix 'volume-*' options with mount type 'bind'",
        "type=volume,target=/a,bind-propagation=shared | cannot mix 'bind-*' options with mount type 'volume'",
        "type=bind,target=/a,tmpfs-size=1m         | cannot mix 'tmpfs-*' options with mount type 'bind'",
        "type=tmpfs,target=/a,tmpfs-size=lots      | invalid value for tmpfs-size: lots",
        "type=tmpfs,target=/a,tmpfs-mode=999       | invalid value for tmpfs-mode: 999",
        "type=bind,target=/a                       | invalid mount config for type \"bind\": field Source must not be empty",
        "type=bind,source=rel,target=/a            | invalid mount config for type \"bind\": invalid mount path: 'rel' mount path must be absolute",
        "type=bind,source=/h,target=/a,bind-propagation=sideways | invalid propagation mode: sideways",
        "type=volume,target=/a,readonly            | must not set ReadOnly mode when using anonymous volumes",
        "type=tmpfs,source=/x,target=/a            | invalid mount config for type \"tmpfs\": field Source must not be specified",
        "type=nfs,target=/a                        | invalid mount config for type \"nfs\": mount type unknown",
        "type=volume,target=rel                    | invalid mount path: 'rel' mount path must be absolute",
        "type=volume,source=bad/name,target=/a     | includes invalid characters for a local volume name",
        "type=bind,src=/a\"b,target=/a             | bare \" in non-quoted field",
    })
    void mountFlagErrors(String value, String message) {
        assertThatThrownBy(() -> mountFlag(value)).isInstanceOf(StrataException.class).hasMessageContaining(message);
    }

    @Test
    void mountFlagErrorsNameTheFlagLikeTheDockerCli() {
        assertThatThrownBy(() -> mountFlag("type=bind,source=/a"))
                .hasMessage("invalid argument \"type=bind,source=/a\" for \"--mount\" flag: target is required");
    }

    @Test
    void tmpfsFlagMergesDockerDefaultsLaterOptionWinning() {
        assertThat(tmpfsFlag("/run")).isEqualTo(new MountSpec.Tmpfs("/run", List.of("noexec", "nosuid", "nodev", "rprivate")));
        MountSpec.Tmpfs t = (MountSpec.Tmpfs) tmpfsFlag("/run:rw,exec,size=65536k,size=1m,mode=700,ro");
        assertThat(t.options()).containsExactly("nosuid", "nodev", "rprivate", "exec", "size=1m", "mode=700", "ro");
        assertThat(t.readOnly()).isTrue();
        assertThat(((MountSpec.Tmpfs) tmpfsFlag("/x:shared")).options()).containsExactly("noexec", "nosuid", "nodev", "shared");
        assertThatThrownBy(() -> tmpfsFlag("/run:bogus")).hasMessage("invalid tmpfs option \"bogus\"");
        assertThatThrownBy(() -> tmpfsFlag("/run:color=red")).hasMessage("invalid tmpfs option \"color=red\"");
        assertThatThrownBy(() -> tmpfsFlag("run")).hasMessage("invalid mount path: 'run' mount path must be absolute");
        assertThatThrownBy(() -> tmpfsFlag("/")).hasMessage("invalid specification: destination can't be '/'");
    }

    @Test
    void duplicateTargetsAcrossFlagsAreRefused() {
        VolumeRequest request = new VolumeRequest(List.of("/h:/data"), List.of("type=volume,src=v1,dst=/data/"), List.of());
        assertThatThrownBy(() -> request.parse(CWD)).hasMessage("Duplicate mount point: /data");
        VolumeRequest withTmpfs = new VolumeRequest(List.of("/x"), List.of(), List.of("/x:size=1m"));
        assertThatThrownBy(() -> withTmpfs.parse(CWD)).hasMessage("Duplicate mount point: /x");
    }

    @Test
    void parseKeepsFlagOrderVolumesThenMountsThenTmpfs() {
        List<MountSpec> specs = new VolumeRequest(List.of("/b", "/a"), List.of("dst=/m"), List.of("/t")).parse(CWD);
        assertThat(specs).extracting(MountSpec::target).containsExactly("/b", "/a", "/m", "/t");
    }

    @Test
    void resolveCreatesMissingVolumeFlagHostDirectories() throws Exception {
        Path missing = dir.resolve("made/by/run");
        List<MountSpec> specs = new VolumeRequest(List.of(missing + ":/data"), List.of(), List.of()).resolve(dir);
        assertThat(missing).isDirectory();
        assertThat(specs).containsExactly(new MountSpec.Bind(missing.toRealPath(), "/data", false));
    }

    @Test
    void resolveRefusesAMissingMountFlagBindSource() {
        Path missing = dir.resolve("nope");
        VolumeRequest request = new VolumeRequest(List.of(), List.of("type=bind,src=" + missing + ",dst=/x"), List.of());
        assertThatThrownBy(() -> request.resolve(dir))
                .isInstanceOfSatisfying(StrataException.class,
                        e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT))
                .hasMessage("invalid mount config for type \"bind\": bind source path does not exist: " + missing);
        assertThat(missing).doesNotExist();
    }

    @Test
    void resolveFollowsSymbolicLinksInHostPaths() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real/data"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
        List<MountSpec> specs = new VolumeRequest(List.of(link + "/data:/d"), List.of("type=bind,src=./link,dst=/e"),
                List.of()).resolve(dir);
        assertThat(specs).containsExactly(new MountSpec.Bind(real.toRealPath(), "/d", false),
                new MountSpec.Bind(dir.resolve("real").toRealPath(), "/e", false));
    }

    @Test
    void sizesReadLikeDockerFlags() {
        assertThat(Sizes.ramInBytes("64m")).isEqualTo(64L << 20);
        assertThat(Sizes.ramInBytes("1.5g")).isEqualTo(3L << 29);
        assertThat(Sizes.ramInBytes("512KiB")).isEqualTo(512L << 10);
        assertThat(Sizes.ramInBytes("100")).isEqualTo(100);
        assertThatThrownBy(() -> Sizes.ramInBytes("10 x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Sizes.tmpfsSize(3L << 30)).isEqualTo("3g");
        assertThat(Sizes.tmpfsSize(1536L << 10)).isEqualTo("1536k");
        assertThat(Sizes.tmpfsSize(1000)).isEqualTo("1000");
    }

    @Test
    void specsRefuseInvalidValues() {
        assertThatThrownBy(() -> new MountSpec.Bind(Path.of("rel"), "/x", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MountSpec.Volume("v1", "x", false, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MountSpec.Tmpfs("/a/../b", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new MountSpec.Volume(null, "/x", false, false).anonymous()).isTrue();
    }
}
