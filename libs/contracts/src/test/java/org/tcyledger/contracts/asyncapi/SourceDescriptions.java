package org.tcyledger.contracts.asyncapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documentation of the event records, read from their sources under {@code src/main/java}: the Javadoc written
 * right above a type, as plain text ({@code {@code x}} and {@code {@link X}} as their text).
 */
final class SourceDescriptions implements Descriptions {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|linkplain)\\s+([^}]*)}");

    private final Map<Path, String> sources = new HashMap<>();

    @Override
    public String of(Class<?> type) {
        Class<?> outermost = type;
        while (outermost.getEnclosingClass() != null) {
            outermost = outermost.getEnclosingClass();
        }
        Path file = SOURCES.resolve(outermost.getName().replace('.', '/') + ".java");
        String source = sources.computeIfAbsent(file, SourceDescriptions::read);
        Matcher javadoc = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
                + "(?:public\\s+|final\\s+|sealed\\s+)*(?:record|enum|interface|class)\\s+" + type.getSimpleName()
                + "\\b", Pattern.DOTALL).matcher(source);
        return javadoc.find() ? plain(javadoc.group(1)) : null;
    }

    @Override
    public String of(Class<?> type, String field) {
        return null;
    }

    private static String plain(String javadoc) {
        String text = javadoc.replaceAll("(?m)^\\s*\\*\\s?", " ").replaceAll("\\s+", " ").trim();
        text = INLINE_TAG.matcher(text).replaceAll(tag -> Matcher.quoteReplacement(
                tag.group(1).replaceFirst("^\\w+#", "").trim()));
        return text.isEmpty() ? null : text;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
