// The node types and fields of the Java grammar that the extractor reads.
// kindNames and fieldNames list the constants' names in the same order.

package javasrc

// kind is a node type of the Java grammar that the extractor tells apart;
// every other type is kOther.
type kind uint16

const (
	kOther kind = iota
	kError
	kIdentifier
	kPackageDeclaration
	kImportDeclaration
	kClassDeclaration
	kInterfaceDeclaration
	kEnumDeclaration
	kRecordDeclaration
	kAnnotationTypeDeclaration
	kObjectCreationExpression
	kClassBody
	kMethodDeclaration
	kConstructorDeclaration
	kCompactConstructorDeclaration
	kStaticInitializer
	kFieldDeclaration
	kConstantDeclaration
	kEnumBodyDeclarations
	kEnumConstant
	kBlock
	kModifiers
	kVariableDeclarator
	kLocalVariableDeclaration
	kFormalParameter
	kCatchFormalParameter
	kCatchType
	kEnhancedForStatement
	kResource
	kInferredParameters
	kLambdaExpression
	kAssignmentExpression
	kUpdateExpression
	kParenthesizedExpression
	kCastExpression
	kBinaryExpression
	kUnaryExpression
	kTernaryExpression
	kIfStatement
	kMethodInvocation
	kFieldAccess
	kScopedIdentifier
	kThis
	kSuper
	kStringLiteral
	kClassLiteral
	kNullLiteral
	kTrue
	kFalse
	kDecimalIntegerLiteral
	kHexIntegerLiteral
	kOctalIntegerLiteral
	kBinaryIntegerLiteral
	kDecimalFloatingPointLiteral
	kHexFloatingPointLiteral
	kCharacterLiteral
	kMethodReference
	kArgumentList
	kLineComment
	kBlockComment
	kTryStatement
	kTryWithResourcesStatement
	kFinallyClause
	kExpressionStatement
	kForStatement
	kWhileStatement
	kDoStatement
	kArrayAccess
	kSuperInterfaces
	kExtendsInterfaces
	kSuperclass
	kTypeList
	kSpreadParameter
	kReceiverParameter
	kindCount

	kNone = kindCount // the kind of the absent node
)

var kindNames = [...]string{"",
	"ERROR",
	"identifier",
	"package_declaration",
	"import_declaration",
	"class_declaration",
	"interface_declaration",
	"enum_declaration",
	"record_declaration",
	"annotation_type_declaration",
	"object_creation_expression",
	"class_body",
	"method_declaration",
	"constructor_declaration",
	"compact_constructor_declaration",
	"static_initializer",
	"field_declaration",
	"constant_declaration",
	"enum_body_declarations",
	"enum_constant",
	"block",
	"modifiers",
	"variable_declarator",
	"local_variable_declaration",
	"formal_parameter",
	"catch_formal_parameter",
	"catch_type",
	"enhanced_for_statement",
	"resource",
	"inferred_parameters",
	"lambda_expression",
	"assignment_expression",
	"update_expression",
	"parenthesized_expression",
	"cast_expression",
	"binary_expression",
	"unary_expression",
	"ternary_expression",
	"if_statement",
	"method_invocation",
	"field_access",
	"scoped_identifier",
	"this",
	"super",
	"string_literal",
	"class_literal",
	"null_literal",
	"true",
	"false",
	"decimal_integer_literal",
	"hex_integer_literal",
	"octal_integer_literal",
	"binary_integer_literal",
	"decimal_floating_point_literal",
	"hex_floating_point_literal",
	"character_literal",
	"method_reference",
	"argument_list",
	"line_comment",
	"block_comment",
	"try_statement",
	"try_with_resources_statement",
	"finally_clause",
	"expression_statement",
	"for_statement",
	"while_statement",
	"do_statement",
	"array_access",
	"super_interfaces",
	"extends_interfaces",
	"superclass",
	"type_list",
	"spread_parameter",
	"receiver_parameter",
}

// field is a field name of the grammar that the extractor reads.
type field uint8

const (
	fNone field = iota
	fName
	fType
	fBody
	fValue
	fDeclarator
	fOperator
	fObject
	fLeft
	fRight
	fArguments
	fParameters
	fField
	fArray
	fCondition
	fConsequence
	fAlternative
	fSuperclass
	fDimensions
	fieldCount
)

var fieldNames = [...]string{"",
	"name",
	"type",
	"body",
	"value",
	"declarator",
	"operator",
	"object",
	"left",
	"right",
	"arguments",
	"parameters",
	"field",
	"array",
	"condition",
	"consequence",
	"alternative",
	"superclass",
	"dimensions",
}
