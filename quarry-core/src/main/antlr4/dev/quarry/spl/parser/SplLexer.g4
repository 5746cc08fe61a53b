/*
 * Tokens of SPL, the Splunk Search Processing Language, after macro expansion.
 *
 * Two lexical worlds exist. The search language and most command arguments (DEFAULT_MODE) treat almost any
 * run of characters as one word: `Processes.process=*\\temp\\*` is a word, `=` and a word. Eval expressions
 * (EXPR mode, after `eval`, `where` and `eval(` inside stats) have operators, numbers and quoted field names.
 * SplLexerBase decides when a command starts and counts parentheses so that `eval(...)` inside a statistics
 * function returns to DEFAULT_MODE at its closing parenthesis.
 *
 * Keywords of the search language are uppercase only (AND, OR, NOT, IN); command names and the clause words
 * (by, as, from, where, output, outputnew, over) are case-insensitive, as Splunk accepts them.
 */
lexer grammar SplLexer;

options {
    superClass = SplLexerBase;
    caseInsensitive = true;
}

// ---- Command names: where a command starts (after `|` or `[`); at the start of a query only `search` --------
CMD_SEARCH      : 'search' {atSearchStart()}? {commandSeen();} ;
CMD_TSTATS      : 'tstats' {atCommandStart()}? {commandSeen();} ;
CMD_RENAME      : 'rename' {atCommandStart()}? {commandSeen();} ;
CMD_CONVERT     : 'convert' {atCommandStart()}? {commandSeen();} ;
CMD_EVAL        : 'eval' {atCommandStart()}? {commandSeen(); enterExpression(false);} ;
CMD_WHERE       : 'where' {atCommandStart()}? {commandSeen(); enterExpression(false);} ;
CMD_STATS       : 'stats' {atCommandStart()}? {commandSeen();} ;
CMD_EVENTSTATS  : 'eventstats' {atCommandStart()}? {commandSeen();} ;
CMD_STREAMSTATS : 'streamstats' {atCommandStart()}? {commandSeen();} ;
CMD_TABLE       : 'table' {atCommandStart()}? {commandSeen();} ;
CMD_FIELDS      : 'fields' {atCommandStart()}? {commandSeen();} ;
CMD_DEDUP       : 'dedup' {atCommandStart()}? {commandSeen();} ;
CMD_SORT        : 'sort' {atCommandStart()}? {commandSeen();} ;
CMD_BIN         : ('bin' | 'bucket') {atCommandStart()}? {commandSeen();} ;
CMD_FILLNULL    : 'fillnull' {atCommandStart()}? {commandSeen();} ;
CMD_HEAD        : 'head' {atCommandStart()}? {commandSeen();} ;

// A word at a command start that is not a known command: the parser reports the command as unsupported.
CMD_OTHER       : COMMAND_NAME {atCommandStart() && !nextIsEquals()}? {commandSeen();} ;

// ---- Punctuation ---------------------------------------------------------------------------------------
PIPE      : '|' {pipeSeen();} ;
LBRACKET  : '[' {pipeSeen();} ;
RBRACKET  : ']' {commandSeen();} ;
LPAREN    : '(' {commandSeen();} ;
RPAREN    : ')' {commandSeen();} ;
COMMA     : ',' {commandSeen();} ;
NEQ       : '!=' {commandSeen();} ;
LTE       : '<=' {commandSeen();} ;
GTE       : '>=' {commandSeen();} ;
EQ        : '=' {commandSeen();} ;
LT        : '<' {commandSeen();} ;
GT        : '>' {commandSeen();} ;

// ---- Keywords --------------------------------------------------------------------------------------------
AND options { caseInsensitive = false; } : 'AND' {commandSeen();} ;
OR  options { caseInsensitive = false; } : 'OR' {commandSeen();} ;
NOT options { caseInsensitive = false; } : 'NOT' {commandSeen();} ;
IN  options { caseInsensitive = false; } : 'IN' {commandSeen();} ;
AS        : 'as' {commandSeen();} ;
BY        : 'by' {commandSeen();} ;
FROM      : 'from' {commandSeen();} ;
WHERE     : 'where' {commandSeen();} ;
OUTPUT    : 'output' {commandSeen();} ;
OUTPUTNEW : 'outputnew' {commandSeen();} ;
OVER      : 'over' {commandSeen();} ;

// `eval(` inside a statistics function, `count(eval(x>1))`: the expression runs to the matching `)`.
EVAL_OPEN : 'eval' [ \t\r\n]* '(' {commandSeen(); enterExpression(true);} ;

// Search directives, which take one term: TERM(x), CASE(x), PREFIX(x).
DIRECTIVE options { caseInsensitive = false; } : ('TERM' | 'CASE' | 'PREFIX') '(' {commandSeen();} ;

// ---- Words and strings -------------------------------------------------------------------------------------
// A double-quoted string; `\"` does not end it, and backslashes are unescaped later (one level, as in Splunk).
STRING : '"' ( '\\' . | ~["\\] )* '"' {commandSeen();} ;

// Any run of characters other than whitespace, quotes and the punctuation above. A backslash escapes the
// next non-space character, so `\|` and `\"` stay inside the word. `!` is part of a word unless `=` follows.
// An empty pair of parentheses is part of a word, as in `Processes.process=*GetCurrent()*`.
WORD : ( WORD_CHAR | '\\' ~[ \t\r\n] | '\\' | '()' | '!' {!nextIsEquals()}? )+ {commandSeen();} ;

WS : [ \t\r\n]+ -> channel(HIDDEN) ;

fragment COMMAND_NAME : [a-z_] [a-z0-9_]* ;
fragment WORD_CHAR : ~[ \t\r\n"=<>!()|[\],\\] ;

// ---- Eval expressions --------------------------------------------------------------------------------------
mode EXPR;

E_PIPE      : '|' {leaveExpressionAtPipe();} -> type(PIPE) ;
E_RBRACKET  : ']' {leaveExpressionAtBracket();} -> type(RBRACKET) ;
E_LPAREN    : '(' {openParen();} -> type(LPAREN) ;
E_RPAREN    : ')' {closeParen();} -> type(RPAREN) ;
E_COMMA     : ',' -> type(COMMA) ;
E_EQEQ      : '==' ;
E_NEQ       : ('!=' | '<>') -> type(NEQ) ;
E_LTE       : '<=' -> type(LTE) ;
E_GTE       : '>=' -> type(GTE) ;
E_EQ        : '=' -> type(EQ) ;
E_LT        : '<' -> type(LT) ;
E_GT        : '>' -> type(GT) ;
E_PLUS      : '+' ;
E_MINUS     : '-' ;
E_STAR      : '*' ;
E_SLASH     : '/' ;
E_PERCENT   : '%' ;
E_DOT       : '.' ;
E_COLON     : ':' ;
E_AND       : 'and' -> type(AND) ;
E_OR        : 'or' -> type(OR) ;
E_NOT       : 'not' -> type(NOT) ;
E_XOR       : 'xor' ;
E_IN        : 'in' -> type(IN) ;
E_LIKE      : 'like' ;
E_NUMBER    : DIGITS ('.' DIGITS?)? EXPONENT? | '.' DIGITS EXPONENT? ;
E_STRING    : '"' ( '\\' . | ~["\\] )* '"' -> type(STRING) ;
// A single-quoted field name, needed for names with dots, dashes, spaces or braces: 'Processes.process'.
E_QUOTED_NAME : '\'' ( '\\' . | ~['\\] )* '\'' ;
// A field or function name. Dots join name parts (`a.b`), so concatenation needs spaces: `a . b`.
// `<<FIELD>>`, `<<MATCHSTR>>`, `<<MATCHSEG1>>` and `<<ITEM>>` are the placeholders of foreach templates.
E_IDENT     : IDENT_PART ('.' IDENT_PART)* ;
E_WS        : [ \t\r\n]+ -> channel(HIDDEN) ;

fragment DIGITS : [0-9]+ ;
fragment EXPONENT : 'e' [+-]? DIGITS ;
fragment IDENT_PART : ( [a-z_@$] | PLACEHOLDER ) ( [a-z0-9_@$] | PLACEHOLDER | '{}' )* ;
fragment PLACEHOLDER : '<<' [a-z_] [a-z0-9_]* '>>' ;
