package io.slaflow.test;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's "Testing with sla-test" example is {@code com.example.desk.DeskTest}, verbatim. */
class ReadmeExampleTest {

    @Test
    void theReadmeShowsTheExampleTestVerbatim() throws IOException {
        Path module = Path.of("").toAbsolutePath();
        String example = Files.readString(module.resolve("src/test/java/com/example/desk/DeskTest.java"));
        String readme = Files.readString(module.resolveSibling("README.md"));
        String section = readme.substring(readme.indexOf("## Testing with sla-test"));
        assertTrue(section.contains("```java\n" + example + "```\n"),
                "README.md, section 'Testing with sla-test', must hold DeskTest.java verbatim in a java block");
    }
}
