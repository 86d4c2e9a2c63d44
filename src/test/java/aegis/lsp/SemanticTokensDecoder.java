package aegis.lsp;

import aegis.syntax.SourceFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Decodes LSP's relative token encoding into {@code "text@offset" -> "type+modifier+..."}, for assertions. */
final class SemanticTokensDecoder {
  private SemanticTokensDecoder() {}

  static Map<String, String> decode(String text, List<Integer> data) {
    var file = SourceFile.virtual("t", text);
    var out = new HashMap<String, String>();
    int line = 0;
    int col = 0;
    for (int i = 0; i < data.size(); i += 5) {
      line += data.get(i);
      col = data.get(i) == 0 ? col + data.get(i + 1) : data.get(i + 1);
      int offset = file.offsetOf(line, col);
      var sb = new StringBuilder(SemanticTokensFeature.TYPES.get(data.get(i + 3)));
      for (int m = 0; m < SemanticTokensFeature.MODIFIERS.size(); m++) {
        if ((data.get(i + 4) & (1 << m)) != 0) sb.append('+').append(SemanticTokensFeature.MODIFIERS.get(m));
      }
      out.put(text.substring(offset, offset + data.get(i + 2)) + "@" + offset, sb.toString());
    }
    return out;
  }
}
