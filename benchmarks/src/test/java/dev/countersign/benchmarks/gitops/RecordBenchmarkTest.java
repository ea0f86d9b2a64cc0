package dev.countersign.benchmarks.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordBenchmarkTest {
    @Test
    void libraryAndGitPlumbingWriteTheSameTreeForTheSameChange() {
        try (RecordFixture fixture = RecordFixture.create(1_000)) {
            for (int i = 0; i < 3; i++) {
                byte[] content = ("replicas: " + i + "\n").getBytes(StandardCharsets.UTF_8);

                String library = fixture.recordWithLibrary(content).name();
                String git = fixture.recordWithGit(content);

                assertThat(library).isEqualTo(git);
            }
        }
    }

    @Test
    void spreadsFilesOverFoldersOfAHundred() {
        assertThat(RecordFixture.path(0)).isEqualTo("environments/env-00/stack-0000/file-000.yaml");
        assertThat(RecordFixture.path(99_999)).isEqualTo("environments/env-09/stack-0999/file-099.yaml");
    }
}
