package org.tcyledger.projection.portal;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.NotFoundException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The portal's two languages: the first segment of every page's path, the page's {@code lang}, dates and numbers. */
@TemplateData
public enum Language {
    EN("en", Locale.ENGLISH, "English"),
    FR("fr", Locale.FRENCH, "Français");

    private final String code;
    private final Locale locale;
    private final String name;
    private final DateTimeFormatter dates;

    Language(String code, Locale locale, String name) {
        this.code = code;
        this.locale = locale;
        this.name = name;
        this.dates = DateTimeFormatter.ofPattern("d MMMM uuuu", locale);
    }

    public static Language of(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return language;
            }
        }
        throw new NotFoundException("No page in '" + code + "': the portal speaks en and fr");
    }

    /** The language a browser prefers of the two, by its {@code Accept-Language} (English when it names neither). */
    public static Language preferred(String acceptLanguage) {
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    if (range.getWeight() > 0 && (tag.equals("fr") || tag.startsWith("fr-"))) {
                        return FR;
                    }
                    if (range.getWeight() > 0 && (tag.equals("en") || tag.startsWith("en-"))) {
                        return EN;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                return EN;
            }
        }
        return EN;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in itself, for the switch to it. */
    public String nativeName() {
        return name;
    }

    public Language other() {
        return this == EN ? FR : EN;
    }

    /** "2 December 2014", "2 décembre 2014"; French writes the first of the month "1er". */
    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        String text = dates.format(date);
        return this == FR && date.getDayOfMonth() == 1 ? "1er" + text.substring(1) : text;
    }

    public String number(long number) {
        return NumberFormat.getIntegerInstance(locale).format(number);
    }
}
