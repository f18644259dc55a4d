package dev.strata.core.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkFilesTest {
    private static final NetworkFiles HOST = new NetworkFiles(
            "127.0.0.1 localhost\n127.0.1.1 buildbox\n",
            "# managed by resolvconf\nnameserver 127.0.0.53\nsearch corp.example\noptions edns0 trust-ad\n");

    @Test
    void slirp4netnsGetsDockersHostsWithItsAddressAndTheBuiltInDns() {
        NetworkFiles files = NetworkFiles.forContainer(new NetworkMode.Slirp4netns(), "3f4e5a6b7c8d", HOST);

        assertThat(files.hosts()).isEqualTo("""
                127.0.0.1\tlocalhost
                ::1\tlocalhost ip6-localhost ip6-loopback
                fe00::0\tip6-localnet
                ff00::0\tip6-mcastprefix
                ff02::1\tip6-allnodes
                ff02::2\tip6-allrouters
                100.64.0.100\t3f4e5a6b7c8d
                """);
        assertThat(files.resolvConf()).isEqualTo("""
                nameserver 100.64.0.3
                search corp.example
                options edns0 trust-ad
                """);
    }

    @Test
    void aQualifiedHostnameIsListedWithItsShortName() {
        NetworkFiles files = NetworkFiles.forContainer(
                new NetworkMode.Slirp4netns(Subnet.parse("198.18.0.0/24"), false), "web.example.com", HOST);

        assertThat(files.hosts()).endsWith("198.18.0.100\tweb.example.com web\n");
        assertThat(files.resolvConf()).startsWith("nameserver 198.18.0.3\n");
    }

    @Test
    void hostModeSharesTheHostsFiles() {
        assertThat(NetworkFiles.forContainer(new NetworkMode.Host(), "ignored", HOST)).isEqualTo(HOST);
    }

    @Test
    void noneHasOnlyTheDefaultEntries() {
        NetworkFiles files = NetworkFiles.forContainer(new NetworkMode.None(), "box", HOST);

        assertThat(files.hosts()).isEqualTo(NetworkFiles.DEFAULT_HOSTS).doesNotContain("box");
        assertThat(files.resolvConf()).isEqualTo(HOST.resolvConf());
    }

    @Test
    void readsTheHostsFilesAndTakesMissingOnesAsEmpty(@TempDir Path etc) throws Exception {
        Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost\n");

        assertThat(NetworkFiles.readHost(etc)).isEqualTo(new NetworkFiles("127.0.0.1 localhost\n", ""));
    }
}
