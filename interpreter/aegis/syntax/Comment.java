package aegis.syntax;

/** A comment as written: {@code //}, {@code /* *}{@code /} or a {@code ///} doc comment ({@code doc}). */
public record Comment(Span span, String text, boolean doc) {}
