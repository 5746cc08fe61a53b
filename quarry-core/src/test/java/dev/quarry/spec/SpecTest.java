package dev.quarry.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the SPL semantics spec files under {@code src/test/resources/spec}: one dynamic test per case, grouped by
 * file and rule. The file format is described in {@code spec/README.md}.
 */
class SpecTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TestFactory
    Stream<DynamicNode> specs() throws IOException, URISyntaxException {
        URL root = SpecTest.class.getClassLoader().getResource("spec");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(root.toURI()))) {
            files = walk.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files) {
            nodes.add(fileNode(file));
        }
        return nodes.stream();
    }

    private static DynamicNode fileNode(Path file) throws IOException {
        JsonNode doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = YAML.readTree(in);
        }
        String fileName = file.getFileName().toString();
        List<DynamicNode> rules = new ArrayList<>();
        for (JsonNode rule : doc.path("rules")) {
            String ruleName = rule.path("rule").asText();
            List<DynamicNode> cases = new ArrayList<>();
            for (JsonNode c : rule.path("cases")) {
                SpecCase spec = new SpecCase(fileName, ruleName, c.path("name").asText(), c);
                cases.add(DynamicTest.dynamicTest(spec.displayName(), () -> SpecRunner.run(spec)));
            }
            rules.add(DynamicContainer.dynamicContainer(ruleName, cases));
        }
        return DynamicContainer.dynamicContainer(fileName, rules);
    }
}
