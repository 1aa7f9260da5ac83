package dev.triage.config;

/** The CSV field separator; {@code auto} sniffs it from the header line. */
public enum Separator implements ConfigChoice {
    AUTO("auto", (char) 0), COMMA(",", ','), SEMICOLON(";", ';'), TAB("\t", '\t');

    private final String spelling;
    private final char character;

    Separator(String spelling, char character) {
        this.spelling = spelling;
        this.character = character;
    }

    @Override
    public String configName() {
        return spelling;
    }

    /** The separator character; 0 for {@code auto}. */
    public char character() {
        return character;
    }
}
