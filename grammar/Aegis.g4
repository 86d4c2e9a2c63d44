/*
 * The aegis language: runbooks, modules and environments.
 *
 * The grammar is two files, the only grammar source: this parser and AegisLexer.g4
 * (string interpolation needs lexer modes, which ANTLR allows only in a lexer
 * grammar). The parse tree never leaves aegis.syntax: the AstBuilder turns it
 * into records with spans. Rules are kept loose where
 * a precise message is worth more than a parse error (which declarations a
 * file kind may hold, unit suffixes, escapes): the builder and the checker
 * report those with their own codes.
 */
parser grammar Aegis;

options { tokenVocab = AegisLexer; contextSuperClass = AegisRuleContext; }

// ---------------------------------------------------------------- files

file
  : header? importDecl* decl* EOF
  ;

header
  : RUNBOOK name=ID title=stringLit?        # runbookHeader
  | MODULE name=ID                          # moduleHeader
  | ENVIRONMENT name=ID                     # environmentHeader
  ;

importDecl
  : IMPORT name=ID (AS alias=ID)?           # moduleImport
  | IMPORT path=stringLit AS alias=ID       # fileImport
  ;

decl
  : PARAM name=ID COLON type (ASSIGN expr)?                               # paramDecl
  | WINDOW expr                                                           # windowDecl
  | ON FAILURE block                                                      # onFailureDecl
  | FINALLY block                                                         # finallyDecl
  | RECORD name=ID LBRACE fieldDecl* RBRACE                               # recordDecl
  | ENUM name=ID LBRACE (enumMember (COMMA enumMember)* COMMA?)? RBRACE   # enumDecl
  | EXTERN effect? FN name=memberName typeParams? LPAREN paramList? RPAREN (ARROW type)?   # externFnDecl
  | FN name=memberName typeParams? LPAREN paramList? RPAREN (ARROW type)? ASSIGN expr    # fnDecl
  | statement                                                             # stmtDecl
  ;

fieldDecl
  : name=memberName COLON type (ASSIGN expr)? COMMA?
  ;

enumMember
  : ID
  ;

effect
  : READ | WRITE | DESTRUCTIVE
  ;

typeParams
  : LT ID (COMMA ID)* GT
  ;

paramList
  : fnParam (COMMA fnParam)* COMMA?
  ;

fnParam
  : name=memberName COLON type (ASSIGN expr)?
  ;

// ---------------------------------------------------------------- types

type
  : baseType QUESTION?
  ;

baseType
  : qualifiedName (LT type (COMMA type)* GT)?            # namedType
  | LPAREN (type (COMMA type)*)? RPAREN ARROW type        # functionType
  ;

qualifiedName
  : ID (DOT ID)*
  ;

// ---------------------------------------------------------------- statements

block
  : LBRACE statement* RBRACE
  ;

statement
  : LET name=ID (COLON type)? ASSIGN expr                                   # letStmt
  | STEP name=stringLit stepOption* block                                   # stepStmt
  | FOR var=ID IN expr (PARALLEL LPAREN args? RPAREN)? block                # forStmt
  | ifStatement                                                             # ifStmt
  | CHECK cond=expr ELSE severity=(FAIL | WARN) message=expr                # checkStmt
  | WAIT UNTIL cond=expr EVERY interval=expr TIMEOUT limit=expr             # waitStmt
  | APPROVE expr                                                            # approveStmt
  | RUN name=ID LPAREN args? RPAREN                                         # runStmt
  | REPORT title=stringLit expr                                             # reportStmt
  | FAIL expr                                                               # failStmt
  | expr                                                                    # exprStmt
  ;

ifStatement
  : IF expr block (ELSE (ifStatement | block))?
  ;

stepOption
  : TIMEOUT expr                     # timeoutOption
  | RETRY LPAREN args? RPAREN        # retryOption
  ;

// ---------------------------------------------------------------- expressions

// Alternatives are in precedence order, tightest first.
expr
  : primary                                                   # primaryExpr
  | expr DOT memberName                                       # fieldExpr
  | expr SAFE_DOT memberName                                  # safeFieldExpr
  | expr LPAREN args? RPAREN                                  # callExpr
  | expr LBRACK expr RBRACK                                   # indexExpr
  | op=(BANG | MINUS) expr                                    # unaryExpr
  | expr op=(STAR | SLASH | PERCENT) expr                     # binaryExpr
  | expr op=(PLUS | MINUS) expr                               # binaryExpr
  | <assoc=right> expr op=COALESCE expr                       # binaryExpr
  | expr op=(LT | LE | GT | GE) expr                          # binaryExpr
  | expr op=(EQ | NE) expr                                    # binaryExpr
  | expr op=AND expr                                          # binaryExpr
  | expr op=OR expr                                           # binaryExpr
  | IF cond=expr THEN then=expr ELSE otherwise=expr           # ifExpr
  ;

primary
  : lambdaParams ARROW expr                                   # lambda
  | INT                                                       # intLit
  | FLOAT                                                     # floatLit
  | UNIT_NUMBER                                               # unitLit
  | (TRUE | FALSE)                                            # boolLit
  | NULL                                                      # nullLit
  | stringLit                                                 # stringPrimary
  | ID                                                        # nameRef
  | LPAREN expr RPAREN                                        # parens
  | LBRACK (expr (COMMA expr)* COMMA?)? RBRACK                # listLit
  | LBRACE (mapEntry (COMMA mapEntry)* COMMA?)? RBRACE        # mapLit
  ;

lambdaParams
  : ID
  | LPAREN (ID (COMMA ID)*)? RPAREN
  ;

mapEntry
  : key=expr COLON value=expr
  ;

args
  : arg (COMMA arg)* COMMA?
  ;

arg
  : (name=memberName COLON)? expr
  ;

/** Field, function and argument names may be words that are keywords elsewhere (`vault.read`, `timeout: 5s`). */
memberName
  : ID
  | RUNBOOK | MODULE | ENVIRONMENT | IMPORT | AS | PARAM | LET | STEP | FOR | IN | PARALLEL
  | IF | ELSE | THEN | CHECK | FAIL | WARN | WAIT | UNTIL | EVERY | TIMEOUT | RETRY | APPROVE
  | RUN | REPORT | ON | FAILURE | FINALLY | WINDOW | RECORD | ENUM | EXTERN | FN
  | READ | WRITE | DESTRUCTIVE
  ;

stringLit
  : DQUOTE stringPart* (STR_CLOSE | STR_NEWLINE)
  | TDQUOTE mstringPart* MSTR_CLOSE
  ;

stringPart
  : STR_TEXT
  | STR_ESCAPE
  | STR_DOLLAR
  | INTERP_OPEN expr RBRACE
  ;

mstringPart
  : MSTR_TEXT
  | MSTR_ESCAPE
  | MSTR_QUOTE
  | MSTR_DOLLAR
  | MINTERP_OPEN expr RBRACE
  ;

