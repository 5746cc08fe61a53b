package dev.quarry.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Lets tests in other packages parse detection YAML text with the content loader's parser. */
public final class TestAccess {
    private TestAccess() {
    }

    public static Detection parseDetection(String yaml) {
        try {
            return DetectionParser.parse(new ObjectMapper(new YAMLFactory()).readTree(yaml), Path.of("spec.yml"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
