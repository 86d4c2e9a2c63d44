/*
 * The tokens of the aegis language. Strings are lexed in their own modes so that
 * `${...}` interpolations nest (an interpolation may hold strings and braces).
 */
lexer grammar AegisLexer;

channels { DOCS }

@members {
  /** An unbalanced '}' must not empty the mode stack: it is a parse error, not a crash. */
  @Override
  public int popMode() {
    return _modeStack.isEmpty() ? DEFAULT_MODE : super.popMode();
  }
}

// ---------------------------------------------------------------- lexer

RUNBOOK     : 'runbook';
MODULE      : 'module';
ENVIRONMENT : 'environment';
IMPORT      : 'import';
AS          : 'as';
PARAM       : 'param';
LET         : 'let';
STEP        : 'step';
FOR         : 'for';
IN          : 'in';
PARALLEL    : 'parallel';
IF          : 'if';
ELSE        : 'else';
THEN        : 'then';
CHECK       : 'check';
FAIL        : 'fail';
WARN        : 'warn';
WAIT        : 'wait';
UNTIL       : 'until';
EVERY       : 'every';
TIMEOUT     : 'timeout';
RETRY       : 'retry';
APPROVE     : 'approve';
RUN         : 'run';
REPORT      : 'report';
ON          : 'on';
FAILURE     : 'failure';
FINALLY     : 'finally';
WINDOW      : 'window';
RECORD      : 'record';
ENUM        : 'enum';
EXTERN      : 'extern';
FN          : 'fn';
READ        : 'read';
WRITE       : 'write';
DESTRUCTIVE : 'destructive';
TRUE        : 'true';
FALSE       : 'false';
NULL        : 'null';

ARROW     : '->';
SAFE_DOT  : '?.';
COALESCE  : '??';
EQ        : '==';
NE        : '!=';
LE        : '<=';
GE        : '>=';
AND       : '&&';
OR        : '||';
LT        : '<';
GT        : '>';
ASSIGN    : '=';
BANG      : '!';
PLUS      : '+';
MINUS     : '-';
STAR      : '*';
SLASH     : '/';
PERCENT   : '%';
QUESTION  : '?';
DOT       : '.';
COMMA     : ',';
COLON     : ':';
LPAREN    : '(';
RPAREN    : ')';
LBRACK    : '[';
RBRACK    : ']';
LBRACE    : '{' -> pushMode(DEFAULT_MODE);
RBRACE    : '}' -> popMode;

/** A number with a unit: a Duration (30s, 10m, 24h, 7d, 250ms) or a Quantity (2000m, 4Gi, 100Gi). */
UNIT_NUMBER : DIGITS ('.' DIGITS)? [a-zA-Z]+;
FLOAT       : DIGITS '.' DIGITS;
INT         : DIGITS;

ID          : [a-zA-Z_] [a-zA-Z_0-9]*;

TDQUOTE     : '"""' -> pushMode(MSTR);
DQUOTE      : '"' -> pushMode(STR);

DOC_COMMENT   : '///' ~[\r\n]* -> channel(DOCS);
LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
WS            : [ \t\r\n\u000C]+ -> channel(HIDDEN);

/** Anything else is one bad character; the parser reports it with its position. */
BAD_CHAR    : .;

fragment DIGITS : [0-9] ('_'? [0-9])*;

mode STR;
STR_TEXT    : ~["\\$\r\n]+;
STR_ESCAPE  : '\\' ~[\r\n]?;
INTERP_OPEN : '${' -> pushMode(DEFAULT_MODE);
STR_DOLLAR  : '$';
STR_CLOSE   : '"' -> popMode;
/** A line end inside a one-line string ends it: the builder reports it as unterminated. */
STR_NEWLINE : '\r'? '\n' -> popMode;

mode MSTR;
/**
 * The closing delimiter is the last three quotes of a run: `"""say "hi""""` is the text `say "hi"`.
 * The quotes before the last three are text (the builder gives them back).
 */
MSTR_CLOSE   : '"""' '"'* -> popMode;
MSTR_QUOTE   : '"' | '""';
MSTR_TEXT    : ~["\\$]+;
MSTR_ESCAPE  : '\\' .?;
MINTERP_OPEN : '${' -> pushMode(DEFAULT_MODE);
MSTR_DOLLAR  : '$';
