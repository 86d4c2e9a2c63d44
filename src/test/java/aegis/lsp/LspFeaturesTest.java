package aegis.lsp;

import static aegis.lsp.Fixture.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every feature, driven through the protocol by an lsp4j client, on a small workspace on disk. */
class LspFeaturesTest {
  @TempDir static Path dir;
  static Fixture fx;
  static LspSession lsp;
  static String deploy;

  @BeforeAll
  static void start() {
    fx = new Fixture(dir);
    lsp = LspSession.in(dir);
    deploy = lsp.open(fx.path("runbooks/deploy.aegis"));
  }

  @AfterAll
  static void stop() { lsp.close(); }

  private static TextDocumentIdentifier doc(String uri) { return new TextDocumentIdentifier(uri); }

  private static List<String> labels(List<CompletionItem> items) { return items.stream().map(CompletionItem::getLabel).toList(); }

  // ------------------------------------------------------------------ diagnostics

  @Test
  void aCleanRunbookHasNoDiagnostics() {
    assertEquals(List.of(), lsp.diagnostics(deploy));
  }

  @Test
  void diagnosticsCarryCodeHintAndRelatedInformation() {
    var text = """
        runbook broken "x"
        param env: Environment
        step "a" {
          let pods = k8s.pods(env.namespace)
          let x = 1
          let x = 2
          let spare = 3
          check x == 2 else fail "no"
        }
        """;
    var uri = lsp.open(fx.path("runbooks/broken.aegis"), text);
    var ds = lsp.diagnostics(uri);
    var unknown = ds.stream().filter(d -> d.getCode().getLeft().equals("AEG201")).findFirst().orElseThrow();
    assertEquals("aegis", unknown.getSource());
    assertEquals(DiagnosticSeverity.Error, unknown.getSeverity());
    assertTrue(unknown.getMessage().getLeft().contains("hint: add `import k8s`"), unknown.getMessage().getLeft());
    assertEquals(new Range(at(text, "k8s"), at(text, "k8s", 0, 3)), unknown.getRange());
    var duplicate = ds.stream().filter(d -> d.getCode().getLeft().equals("AEG211")).findFirst().orElseThrow();
    assertEquals(1, duplicate.getRelatedInformation().size());
    assertEquals(at(text, "x = 1").getLine(), duplicate.getRelatedInformation().getFirst().getLocation().getRange().getStart().getLine());
    var unused = ds.stream().filter(d -> d.getCode().getLeft().equals("AEG215")).findFirst().orElseThrow();
    assertEquals(List.of(DiagnosticTag.Unnecessary), unused.getTags());
  }

  @Test
  void aModuleFileOpenInTheEditorIsWhatTheRunbookSees() {
    var uri = lsp.open(fx.path("runbooks/importer.aegis"), """
        runbook importer "x"
        import "lib/common.aegis" as common
        step "a" { check common.prefixed("x") == "y" else fail "no" }
        """);
    assertEquals(List.of(), lsp.diagnostics(uri));
  }

  // ------------------------------------------------------------------ completion

  @Test
  void completesRecordFieldsAndMethodsAfterADot() {
    var items = lsp.completion(deploy, at(Fixture.DEPLOY, "env.namespace,", 0, 4));
    var names = labels(items);
    assertTrue(names.containsAll(List.of("namespace", "name", "services")), names.toString());
    var ns = items.stream().filter(i -> i.getLabel().equals("namespace")).findFirst().orElseThrow();
    assertEquals(org.eclipse.lsp4j.CompletionItemKind.Field, ns.getKind());
  }

  @Test
  void completesModuleFunctionsWithSignatureAndEffect() {
    var items = lsp.completion(deploy, at(Fixture.DEPLOY, "k8s.ensureNamespace", 0, 4));
    var apply = items.stream().filter(i -> i.getLabel().equals("ensureNamespace")).findFirst().orElseThrow();
    assertEquals("write", apply.getLabelDetails().getDescription());
    assertTrue(apply.getLabelDetails().getDetail().startsWith("(name: String"), apply.getLabelDetails().getDetail());
    assertTrue(labels(items).contains("rolloutStatus"));
    var resolved = LspSession.get(lsp.server.getTextDocumentService().resolveCompletionItem(apply));
    assertTrue(resolved.getDocumentation().getRight().getValue().contains("Effect: **write**"));
    assertTrue(resolved.getDocumentation().getRight().getValue().contains("Creates the namespace"));
  }

  @Test
  void completesNamedArgumentsInsideACall() {
    var text = Fixture.DEPLOY.replace("(env.namespace, name)", "(env.namespace, )");
    var uri = lsp.open(fx.path("runbooks/args.aegis"), text);
    var items = labels(lsp.completion(uri, at(text, "namespace, )", 0, 11)));
    assertEquals(List.of("name:", "kind:"), items.subList(0, 2));
    assertFalse(items.contains("namespace:"), "given by position: " + items);
    assertTrue(items.contains("services"), "values too: " + items);
    var onExisting = labels(lsp.completion(deploy, at(Fixture.DEPLOY, "labels:", 0, 0)));
    assertTrue(onExisting.contains("labels:"), onExisting.toString());
    assertFalse(onExisting.contains("name:"), onExisting.toString());
  }

  @Test
  void completesKeywordsAndSnippetsAtAStatementStart() {
    var text = Fixture.DEPLOY.replace("  k8s.ensureNamespace", "  \n  k8s.ensureNamespace");
    var uri = lsp.open(fx.path("runbooks/stmt.aegis"), text);
    var items = lsp.completion(uri, at(text, "  \n", 0, 2));
    var names = labels(items);
    assertTrue(names.containsAll(List.of("check", "for", "let", "env", "services", "k8s")), names.toString());
    assertFalse(names.contains("step"), "no step inside a step: " + names);
    var top = lsp.completion(uri, at(text, "for svc", 0, 0));
    assertTrue(labels(top).containsAll(List.of("step", "param", "on failure")), labels(top).toString());
  }

  @Test
  void completesTypesImportsRunTargetsEnumMembersAndEnvironmentNames() {
    var text = """
        runbook misc "x"
        import k8s
        import\s
        param env: Environment
        param kind: WorkloadKind = WorkloadKind.Deployment
        step "a" {
          if env.name == "st" { run  }
        }
        """;
    var uri = lsp.open(fx.path("runbooks/misc.aegis"), text);
    var types = labels(lsp.completion(uri, at(text, "Environment")));
    assertTrue(types.containsAll(List.of("String", "Duration", "Environment", "k8s")), types.toString());
    assertFalse(types.contains("env"), types.toString());
    var modules = labels(lsp.completion(uri, at(text, "import \n", 0, 7)));
    assertTrue(modules.containsAll(List.of("vault", "pg", "http")), modules.toString());
    assertFalse(modules.contains("k8s"), "already imported: " + modules);
    var members = labels(lsp.completion(uri, at(text, "WorkloadKind.Deployment", 0, 13)));
    assertEquals(List.of("Deployment", "StatefulSet"), members);
    var envs = labels(lsp.completion(uri, at(text, "\"st\"", 0, 3)));
    assertEquals(List.of("staging"), envs);
    var runs = labels(lsp.completion(uri, at(text, "run  ", 0, 4)));
    assertTrue(runs.containsAll(List.of("rollback", "deploy")), runs.toString());
  }

  // ------------------------------------------------------------------ hover

  @Test
  void hoverShowsDocsEffectsTypesAndUnits() {
    var onCall = lsp.hover(deploy, at(Fixture.DEPLOY, "ensureNamespace", 0, 3)).getContents().getRight().getValue();
    assertTrue(onCall.contains("write fn k8s.ensureNamespace(name: String"), onCall);
    assertTrue(onCall.contains("Effect: **write**"), onCall);
    var onParam = lsp.hover(deploy, at(Fixture.DEPLOY, "env.namespace", 0, 1)).getContents().getRight().getValue();
    assertTrue(onParam.contains("param env: Environment") && onParam.contains("Target environment."), onParam);
    var onUnit = lsp.hover(deploy, at(Fixture.DEPLOY, "10m", 0, 1)).getContents().getRight().getValue();
    assertTrue(onUnit.contains("10m: Duration") && onUnit.contains("600 seconds"), onUnit);
    var onStep = lsp.hover(deploy, at(Fixture.DEPLOY, "\"namespace\"", 0, 2)).getContents().getRight().getValue();
    assertTrue(onStep.contains("**write**"), onStep);
    var onExpr = lsp.hover(deploy, at(Fixture.DEPLOY, "[\"api\"", 0, 0)).getContents().getRight().getValue();
    assertTrue(onExpr.contains("List<String>"), onExpr);
  }

  // ------------------------------------------------------------------ navigation

  @Test
  void definitionOfALocalAModuleFunctionAndAStdlibFunction() throws Exception {
    var local = definition(deploy, at(Fixture.DEPLOY, "name)", 0, 1));
    assertEquals(deploy, local.getUri());
    assertEquals(at(Fixture.DEPLOY, "name = common"), local.getRange().getStart());

    var inModule = definition(deploy, at(Fixture.DEPLOY, "prefixed", 0, 2));
    assertEquals(Uris.of(fx.path("runbooks/lib/common.aegis")), inModule.getUri());
    assertEquals(at(Fixture.COMMON, "prefixed"), inModule.getRange().getStart());

    var stdlib = definition(deploy, at(Fixture.DEPLOY, "ensureNamespace", 0, 2));
    var file = Uris.path(stdlib.getUri());
    assertTrue(file.getFileName().toString().equals("k8s.aegis"), stdlib.getUri());
    var text = Files.readString(file);
    assertEquals(at(text, "ensureNamespace"), stdlib.getRange().getStart());
    assertFalse(Files.isWritable(file) && !isRoot(), "stdlib copies are read-only");

    var module = definition(deploy, at(Fixture.DEPLOY, "k8s.rollout", 0, 1));
    assertTrue(module.getUri().endsWith("k8s.aegis"), module.getUri());
  }

  private static boolean isRoot() { return "root".equals(System.getProperty("user.name")); }

  private static Location definition(String uri, org.eclipse.lsp4j.Position p) {
    var result = LspSession.get(lsp.server.getTextDocumentService().definition(new DefinitionParams(doc(uri), p)));
    assertEquals(1, result.getLeft().size(), result.toString());
    return result.getLeft().getFirst();
  }

  @Test
  void hoverAndDefinitionWorkInsideTheStdlibCopy() {
    var stdlibUri = definition(deploy, at(Fixture.DEPLOY, "ensureNamespace", 0, 2)).getUri();
    var text = lsp.open(Uris.path(stdlibUri));
    var hover = lsp.hover(text, at(readString(stdlibUri), "fn ensureNamespace", 0, 4));
    assertTrue(hover.getContents().getRight().getValue().contains("ensureNamespace"));
    assertEquals(List.of(), lsp.diagnostics(text));
  }

  private static String readString(String uri) {
    try {
      return Files.readString(Uris.path(uri));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void referencesOfALetAndOfAModuleFunctionAcrossFiles() {
    var refs = LspSession.get(lsp.server.getTextDocumentService().references(
        new ReferenceParams(doc(deploy), at(Fixture.DEPLOY, "name = common", 0, 1), new ReferenceContext(true))));
    assertEquals(3, refs.size(), refs.toString());
    var noDecl = LspSession.get(lsp.server.getTextDocumentService().references(
        new ReferenceParams(doc(deploy), at(Fixture.DEPLOY, "name = common", 0, 1), new ReferenceContext(false))));
    assertEquals(2, noDecl.size(), noDecl.toString());

    var fnRefs = LspSession.get(lsp.server.getTextDocumentService().references(
        new ReferenceParams(doc(deploy), at(Fixture.DEPLOY, "prefixed", 0, 1), new ReferenceContext(true))));
    var uris = fnRefs.stream().map(Location::getUri).distinct().sorted().toList();
    assertTrue(uris.contains(Uris.of(fx.path("runbooks/lib/common.aegis"))), uris.toString());
    assertTrue(uris.contains(deploy), uris.toString());
  }

  @Test
  void renameALetEverywhereItIsUsed() {
    var edit = LspSession.get(lsp.server.getTextDocumentService().rename(
        new RenameParams(doc(deploy), at(Fixture.DEPLOY, "name)", 0, 1), "workload")));
    var edits = edit.getChanges().get(deploy);
    assertEquals(3, edits.size(), edits.toString());
    assertTrue(edits.stream().allMatch(e -> e.getNewText().equals("workload")));
    assertEquals(Fixture.DEPLOY.replace("let name =", "let workload =").replace("Status(env.namespace, name)",
        "Status(env.namespace, workload)").replace("${name}", "${workload}"), apply(Fixture.DEPLOY, edits));
  }

  @Test
  void renameAnImportAddsAnAlias() {
    var edit = LspSession.get(lsp.server.getTextDocumentService().rename(
        new RenameParams(doc(deploy), at(Fixture.DEPLOY, "k8s.ensure", 0, 1), "kube")));
    var text = apply(Fixture.DEPLOY, edit.getChanges().get(deploy));
    assertTrue(text.contains("import k8s as kube\n") && text.contains("kube.ensureNamespace") && text.contains("kube.rolloutStatus"), text);
  }

  @Test
  void renameIsRefusedWhereItIsUnsafe() {
    var stdlib = refused(at(Fixture.DEPLOY, "ensureNamespace", 0, 2), "ensure");
    assertTrue(stdlib.contains("standard library"), stdlib);
    var shadow = refused(at(Fixture.DEPLOY, "services", 0, 2), "env");
    assertTrue(shadow.contains("already names"), shadow);
    var keyword = refused(at(Fixture.DEPLOY, "services", 0, 2), "step");
    assertTrue(keyword.contains("not a name"), keyword);
    var inner = refused(at(Fixture.DEPLOY, "name = common", 0, 1), "svc");
    assertTrue(inner.contains("already names"), inner);
    var prepared = LspSession.get(lsp.server.getTextDocumentService().prepareRename(
        new PrepareRenameParams(doc(deploy), at(Fixture.DEPLOY, "svc", 0, 1))));
    assertEquals(new Range(at(Fixture.DEPLOY, "svc"), at(Fixture.DEPLOY, "svc", 0, 3)), prepared.getFirst());
  }

  private static String refused(org.eclipse.lsp4j.Position p, String newName) {
    var f = lsp.server.getTextDocumentService().rename(new RenameParams(doc(deploy), p, newName));
    var e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
    return ((ResponseErrorException) e.getCause()).getResponseError().getMessage();
  }

  static String apply(String text, List<? extends TextEdit> edits) {
    var f = aegis.syntax.SourceFile.virtual("t", text);
    var sorted = edits.stream().sorted((a, b) -> Integer.compare(Positions.offset(f, b.getRange().getStart()),
        Positions.offset(f, a.getRange().getStart()))).toList();
    var sb = new StringBuilder(text);
    for (var e : sorted) {
      sb.replace(Positions.offset(f, e.getRange().getStart()), Positions.offset(f, e.getRange().getEnd()), e.getNewText());
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ symbols, formatting, tokens

  @Test
  void documentSymbolsOutlineTheRunbook() {
    var symbols = LspSession.get(lsp.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(doc(deploy))));
    assertEquals(1, symbols.size());
    var root = symbols.getFirst().getRight();
    assertEquals("deploy", root.getName());
    var children = root.getChildren().stream().map(d -> d.getName()).toList();
    assertEquals(List.of("k8s", "\"lib/common.aegis\" as common", "env", "version", "services", "\"namespace\"", "for svc"),
        children);
    var loop = root.getChildren().getLast();
    assertEquals("\"deploy ${svc}\"", loop.getChildren().getFirst().getName());
    assertEquals(List.of("name", "status"), loop.getChildren().getFirst().getChildren().stream().map(d -> d.getName()).toList());
  }

  @Test
  void workspaceSymbolsFindDeclarationsInEveryFile() {
    var found = LspSession.get(lsp.server.getWorkspaceService().symbol(new WorkspaceSymbolParams("prefx"))).getRight();
    assertEquals(List.of("prefixed"), found.stream().map(s -> s.getName()).distinct().toList());
    assertEquals(Uris.of(fx.path("runbooks/lib/common.aegis")), found.getFirst().getLocation().getLeft().getUri());
  }

  @Test
  void formattingIsWhatAegisFmtPrints() {
    var messy = "runbook   fmt \"x\"\nparam env:Environment\nstep \"a\" {check env.name==\"x\" else fail \"no\"}\n";
    var uri = lsp.open(fx.path("runbooks/fmt.aegis"), messy);
    var edits = LspSession.get(lsp.server.getTextDocumentService().formatting(
        new DocumentFormattingParams(doc(uri), new FormattingOptions(2, true))));
    var expected = aegis.format.Formatter.format(aegis.syntax.SourceFile.virtual("fmt.aegis", messy)).text();
    assertEquals(expected, apply(messy, edits));
    assertTrue(expected.contains("param env: Environment"), expected);

    var broken = lsp.open(fx.path("runbooks/fmt-broken.aegis"), "runbook b \"x\"\nstep {\n");
    assertEquals(List.of(), LspSession.get(lsp.server.getTextDocumentService().formatting(
        new DocumentFormattingParams(doc(broken), new FormattingOptions(2, true)))));
  }

  @Test
  void semanticTokensNameWhatEachNameIs() {
    var tokens = LspSession.get(lsp.server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(doc(deploy))));
    var decoded = SemanticTokensDecoder.decode(Fixture.DEPLOY, tokens.getData());
    assertEquals("namespace", decoded.get("k8s@" + Fixture.DEPLOY.indexOf("k8s.ensure")));
    assertEquals("parameter+declaration+readonly", decoded.get("env@" + Fixture.DEPLOY.indexOf("env: Env")));
    assertEquals("function+defaultLibrary", decoded.get("ensureNamespace@" + Fixture.DEPLOY.indexOf("ensureNamespace")));
    assertEquals("property+defaultLibrary", decoded.get("namespace@" + Fixture.DEPLOY.indexOf("namespace,")));
    assertEquals("keyword", decoded.get("step@" + Fixture.DEPLOY.indexOf("step")));
    assertEquals("number", decoded.get("10m@" + Fixture.DEPLOY.indexOf("10m")));
    assertEquals("comment+documentation", decoded.get("/// Target environment.@" + Fixture.DEPLOY.indexOf("///")));
    assertEquals("struct+defaultLibrary", decoded.get("Environment@" + Fixture.DEPLOY.indexOf("Environment")));
  }

  @Test
  void signatureHelpFollowsPositionalAndNamedArguments() {
    var first = signature(at(Fixture.DEPLOY, "env.namespace, name)", 0, 0));
    assertEquals("k8s.rolloutStatus(namespace: String, name: String, kind: WorkloadKind = …)", first.getSignatures().getFirst().getLabel());
    assertEquals(0, first.getActiveParameter());
    assertEquals(1, signature(at(Fixture.DEPLOY, "name)", 0, 1)).getActiveParameter());
    var named = signature(at(Fixture.DEPLOY, "{\"environment\"", 0, 0));
    assertEquals(1, named.getActiveParameter());
    assertTrue(named.getSignatures().getFirst().getDocumentation().getRight().getValue().contains("Effect: **write**"));
    assertNull(LspSession.get(lsp.server.getTextDocumentService().signatureHelp(
        new SignatureHelpParams(doc(deploy), at(Fixture.DEPLOY, "let services")))));
  }

  private static org.eclipse.lsp4j.SignatureHelp signature(org.eclipse.lsp4j.Position p) {
    var help = LspSession.get(lsp.server.getTextDocumentService().signatureHelp(new SignatureHelpParams(doc(deploy), p)));
    assertNotNull(help, "no signature help at " + p);
    return help;
  }

  @Test
  void codeActionsApplyDidYouMeanAndAddMissingImports() {
    var text = """
        runbook fixes "x"
        param env: Environment
        step "a" {
          let ns = env.namespce
          let pods = k8s.pods(ns)
          check pods.isEmpty() else fail "pods"
        }
        """;
    var uri = lsp.open(fx.path("runbooks/fixes.aegis"), text);
    var diagnostics = lsp.diagnostics(uri);
    var actions = LspSession.get(lsp.server.getTextDocumentService().codeAction(new CodeActionParams(doc(uri),
        new Range(at(text, "let ns"), at(text, "check")), new CodeActionContext(diagnostics)))).stream()
        .map(e -> e.getRight()).toList();
    var titles = actions.stream().map(a -> a.getTitle()).toList();
    assertTrue(titles.contains("Change to `namespace`"), titles.toString());
    assertTrue(titles.contains("Add `import k8s`"), titles.toString());
    var fixed = text;
    for (var a : actions) fixed = apply(fixed, a.getEdit().getChanges().get(uri));
    assertTrue(fixed.contains("env.namespace\n") && fixed.contains("runbook fixes \"x\"\n\nimport k8s\n"), fixed);
    var check = lsp.open(fx.path("runbooks/fixed.aegis"), fixed);
    assertEquals(List.of(), lsp.diagnostics(check));
  }
}
