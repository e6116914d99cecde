import { Kind, type ValueNode } from 'graphql';

/**
 * A value literal as graphql-java's AST `toString()` prints it, which AppSync quotes in WrongType
 * messages: `StringValue{value='2019'}`, `ObjectValue{objectFields=[ObjectField{name='upvotes',
 * value=IntValue{value=10}}]}` (awslabs/aws-mobile-appsync-sdk-js#554).
 */
export function printJavaValue(node: ValueNode): string {
  switch (node.kind) {
    case Kind.STRING:
      return `StringValue{value='${node.value}'}`;
    case Kind.INT:
      return `IntValue{value=${node.value}}`;
    case Kind.FLOAT:
      return `FloatValue{value=${node.value}}`;
    case Kind.BOOLEAN:
      return `BooleanValue{value=${node.value}}`;
    case Kind.NULL:
      return 'NullValue{}';
    case Kind.ENUM:
      return `EnumValue{name='${node.value}'}`;
    case Kind.VARIABLE:
      return `VariableReference{name='${node.name.value}'}`;
    case Kind.LIST:
      return `ArrayValue{values=[${node.values.map(printJavaValue).join(', ')}]}`;
    case Kind.OBJECT:
      return `ObjectValue{objectFields=[${node.fields.map((field) => `ObjectField{name='${field.name.value}', value=${printJavaValue(field.value)}}`).join(', ')}]}`;
  }
}
