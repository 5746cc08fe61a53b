/*
 * The SPL pipeline after macro expansion: a first search (explicit, implicit, or a generating command after a
 * leading pipe), then commands separated by `|`. Commands that Quarry does not execute still parse, through
 * `otherCommand`, so that the planner can name them as unsupported instead of failing with a syntax error.
 */
parser grammar SplParser;

options {
    tokenVocab = SplLexer;
}

query
    : (PIPE command | searchCommand | implicitSearch) (PIPE command)* EOF
    ;

standaloneExpression
    : expression EOF
    ;

standaloneSearch
    : searchExpression? EOF
    ;

subsearch
    : LBRACKET (PIPE? command | implicitSearch) (PIPE command)* RBRACKET
    ;

command
    : searchCommand
    | tstatsCommand
    | renameCommand
    | convertCommand
    | evalCommand
    | whereCommand
    | statsCommand
    | tableCommand
    | fieldsCommand
    | genericCommand
    ;

// ---- search --------------------------------------------------------------------------------------------------

searchCommand
    : CMD_SEARCH searchExpression?
    ;

implicitSearch
    : searchExpression
    ;

// Splunk's precedence in the search language: NOT binds tightest, then OR, then AND (explicit or implied by
// juxtaposition), so `A B OR C` is `A AND (B OR C)`.
searchExpression
    : searchOr (AND? searchOr)*
    ;

searchOr
    : searchUnary (OR searchUnary)*
    ;

searchUnary
    : NOT searchUnary
    | searchPrimary
    ;

searchPrimary
    : LPAREN searchExpression RPAREN                                           #searchGroup
    | field=searchWord IN LPAREN (searchWord | COMMA)* RPAREN                    #searchIn
    | field=searchWord op=(EQ | NEQ | LT | LTE | GT | GTE) value=searchWord     #searchCompare
    | DIRECTIVE searchWord RPAREN                                              #searchDirective
    | subsearch                                                                #searchSubsearch
    | searchWord                                                               #searchTerm
    ;

// A word or quoted string. BY and WHERE are left out because they end a tstats clause.
searchWord
    : WORD
    | STRING
    | AS
    | FROM
    | OUTPUT
    | OUTPUTNEW
    | OVER
    ;

// ---- tstats and stats ----------------------------------------------------------------------------------------

tstatsCommand
    : CMD_TSTATS option* aggregations (FROM datasetSpec)? (WHERE searchExpression)? (BY groupBy)?
    ;

datasetSpec
    : option
    | searchWord
    ;

statsCommand
    : (CMD_STATS | CMD_EVENTSTATS | CMD_STREAMSTATS) option* aggregations (BY groupBy)?
    ;

// Lists tolerate stray commas (`a, , b`, a trailing comma), as Splunk does.
aggregations
    : aggregation (COMMA* aggregation)* COMMA*
    ;

aggregation
    : function=WORD (LPAREN argument=aggregationArgument? RPAREN)? (AS alias=aliasName)?
    ;

// An output name; Splunk accepts a parenthesized suffix such as `as aceFlags(inheritance)`.
aliasName
    : searchWord (LPAREN searchWord? RPAREN)?
    ;

aggregationArgument
    : EVAL_OPEN expression RPAREN      #evalArgument
    | searchWord                       #fieldArgument
    ;

groupBy
    : COMMA* groupItem (COMMA* groupItem)* COMMA*
    ;

groupItem
    : option
    | searchWord
    ;

option
    : name=WORD EQ value=searchWord
    ;

// ---- field commands ---------------------------------------------------------------------------------------------

renameCommand
    : CMD_RENAME renameClause (COMMA* renameClause)* COMMA*
    ;

renameClause
    : from=searchWord AS to=searchWord
    ;

convertCommand
    : CMD_CONVERT option* convertFunction (COMMA? convertFunction)*
    ;

convertFunction
    : function=WORD LPAREN field=searchWord RPAREN (AS alias=searchWord)?
    ;

tableCommand
    : CMD_TABLE fieldList?
    ;

fieldsCommand
    : CMD_FIELDS fieldList?
    ;

fieldList
    : (aliasName | COMMA)+
    ;

// ---- eval and where -----------------------------------------------------------------------------------------------

evalCommand
    : CMD_EVAL assignment (COMMA assignment)*
    ;

assignment
    : target=assignmentTarget EQ expression
    ;

// Splunk takes everything up to `=` as the field name, so `cpu:mem` and `feature_-value` are names here.
assignmentTarget
    : (fieldName | STRING) ((E_MINUS | E_COLON) (fieldName | E_NUMBER))*
    ;

whereCommand
    : CMD_WHERE expression
    ;

// Eval precedence, highest first: parentheses and calls, unary minus, * / %, + - ., comparisons, equality and
// LIKE and IN, NOT, AND, OR, XOR. So `NOT a=b` is `NOT (a=b)` and `a AND b OR c` is `(a AND b) OR c`.
expression
    : LPAREN expression RPAREN                                                   #parenExpr
    | functionName LPAREN (expression (COMMA expression)*)? RPAREN               #callExpr
    | E_NUMBER                                                                   #numberExpr
    | STRING                                                                     #stringExpr
    | fieldName                                                                  #fieldExpr
    | E_MINUS expression                                                         #negateExpr
    | expression op=(E_STAR | E_SLASH | E_PERCENT) expression                    #multiplyExpr
    | expression op=(E_PLUS | E_MINUS | E_DOT) expression                        #addExpr
    | expression op=(LT | LTE | GT | GTE) expression                             #compareExpr
    | expression op=(EQ | E_EQEQ | NEQ) expression                               #equalExpr
    | expression NOT? E_LIKE expression                                          #likeExpr
    | expression NOT? IN LPAREN (expression (COMMA expression)*)? RPAREN          #inExpr
    | NOT expression                                                             #notExpr
    | expression AND expression                                                  #andExpr
    | expression OR expression                                                   #orExpr
    | expression E_XOR expression                                                #xorExpr
    ;

functionName
    : E_IDENT
    | E_LIKE
    | IN
    ;

fieldName
    : E_IDENT
    | E_QUOTED_NAME
    ;

// ---- everything else ---------------------------------------------------------------------------------------------

genericCommand
    : name=genericCommandName commandArgument*
    ;

genericCommandName
    : CMD_OTHER
    | CMD_DEDUP
    | CMD_SORT
    | CMD_BIN
    | CMD_FILLNULL
    | CMD_HEAD
    ;

commandArgument
    : subsearch
    | ~(PIPE | LBRACKET | RBRACKET)
    ;
