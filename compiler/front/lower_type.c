/* lower_type.c: converts libclang types to IR types, keeping the names users wrote
 * (size_t, typedef'd structs) so that generated declarations read like the source. */
#include <string.h>
#include "clang_util.h"
#include "diag.h"
#include "lower.h"

/* Struct types already converted, by spelling (a struct is converted once), and their const
 * copies (which take the fields when the struct is complete: `const struct node *next` inside
 * struct node is met before its fields are all known). */
static Type **structs;
static int nstructs;
static Type **const_structs;
static int nconst_structs;

static void append_type(Type ***types, int *count, Type *t) {
    IR_APPEND(*types, *count, t);
}

static const char *strip_qualifiers(const char *s) {
    for (;;) {
        if (strncmp(s, "const ", 6) == 0)
            s += 6;
        else if (strncmp(s, "volatile ", 9) == 0)
            s += 9;
        else if (strncmp(s, "restrict ", 9) == 0)
            s += 9;
        else
            return s;
    }
}

/* The name to write for a record type: the typedef name for anonymous structs. */
static const char *record_name(CXType t) {
    const char *s = strip_qualifiers(cx_string(clang_getTypeSpelling(t)));
    if (strstr(s, "(anonymous") || strstr(s, "(unnamed"))
        return NULL;
    return s;
}

typedef struct FieldList {
    Type *owner;
    SrcLoc loc;
    bool failed;
} FieldList;

static enum CXVisitorResult field_visitor(CXCursor c, CXClientData data) {
    FieldList *list = data;
    Type *ft = lower_type(clang_getCursorType(c), list->loc);
    if (!ft) {
        list->failed = true;
        return CXVisit_Break;
    }
    Type *t = list->owner;
    IR_APPEND(t->fields, t->nfields, (Field){.name = cx_string(clang_getCursorSpelling(c)), .type = ft});
    return CXVisit_Continue;
}

static Type *lower_record(CXType written, CXType canonical, SrcLoc loc) {
    const char *name = record_name(written);
    if (!name)
        name = record_name(canonical);
    bool is_union = clang_getCursorKind(clang_getTypeDeclaration(canonical)) == CXCursor_UnionDecl;
    if (!name) {
        error_at(loc, "anonymous %s types are not supported; give the %s a name or a typedef",
                 is_union ? "union" : "struct", is_union ? "union" : "struct");
        return NULL;
    }
    for (int i = 0; i < nstructs; i++)
        if (strcmp(structs[i]->name, name) == 0)
            return structs[i];
    Type *t = type_new(TY_STRUCT);
    t->name = name;
    if (is_union) {
        t->kind = TY_INT; /* a union is opaque data: it may not carry derivatives */
        FieldList probe = {type_new(TY_STRUCT), loc, false};
        clang_Type_visitFields(canonical, field_visitor, &probe);
        if (type_has_floating(probe.owner)) {
            error_at(loc, "unions with floating members are not supported ('%s')", name);
            return NULL;
        }
        return t;
    }
    append_type(&structs, &nstructs, t);
    FieldList list = {t, loc, false};
    clang_Type_visitFields(canonical, field_visitor, &list);
    for (int i = 0; i < nconst_structs; i++)
        if (strcmp(const_structs[i]->name, name) == 0) {
            const_structs[i]->fields = t->fields;
            const_structs[i]->nfields = t->nfields;
        }
    return list.failed ? NULL : t;
}

/* An integer type, named as written, with the rank and signedness of its canonical kind. */
static Type *lower_integer(CXType written, enum CXTypeKind canonical) {
    Type *t = type_new(TY_INT);
    t->name = strip_qualifiers(cx_string(clang_getTypeSpelling(written)));
    switch (canonical) {
    case CXType_Char_U: case CXType_UChar: t->is_unsigned = true; /* fall through */
    case CXType_Char_S: case CXType_SChar: t->int_rank = 1; break;
    case CXType_UShort: t->is_unsigned = true; /* fall through */
    case CXType_Short: t->int_rank = 2; break;
    case CXType_UInt: t->is_unsigned = true; /* fall through */
    case CXType_Int: t->int_rank = 3; break;
    case CXType_ULong: t->is_unsigned = true; /* fall through */
    case CXType_Long: t->int_rank = 4; break;
    case CXType_ULongLong: t->is_unsigned = true; /* fall through */
    case CXType_LongLong: t->int_rank = 5; break;
    default: break;
    }
    return t;
}

/* "double (*)(double)" from the function type "double (double)": the declarator goes before
 * the parameter list, the parenthesis that closes the spelling matches. */
static const char *pointer_spelling(const char *function) {
    const char *open = function + strlen(function) - 1;
    for (int depth = 0; open > function; open--) {
        depth += *open == ')' ? 1 : *open == '(' ? -1 : 0;
        if (depth == 0)
            break;
    }
    return ir_format("%.*s(*)%s", (int)(open - function), function, open);
}

Type *lower_function_type(CXType function, SrcLoc loc) {
    CXType result = clang_getCanonicalType(clang_getResultType(function));
    enum CXTypeKind pointee = result.kind == CXType_Pointer ? clang_getCanonicalType(clang_getPointeeType(result)).kind
                                                            : CXType_Invalid;
    if (function.kind != CXType_FunctionProto || clang_isFunctionTypeVariadic(function) ||
        pointee == CXType_FunctionProto || pointee == CXType_FunctionNoProto) {
        error_at(loc, "a pointer to a function without a prototype, variadic, or returning a function pointer "
                 "is not supported; write its parameter types");
        return NULL;
    }
    Type *t = type_new(TY_FUNCPTR);
    t->signature = cx_string(clang_getTypeSpelling(function));
    t->name = pointer_spelling(t->signature);
    return t;
}

/* A pointer to a function, named by its typedef where it was written with one at file scope
 * (rhs_fn), else spelled out. */
static Type *lower_function_pointer(CXType written, CXType function, SrcLoc loc) {
    Type *t = lower_function_type(function, loc);
    CXType named = written.kind == CXType_Elaborated ? clang_Type_getNamedType(written) : written;
    CXCursor decl = clang_getTypeDeclaration(named);
    if (t && named.kind == CXType_Typedef &&
        clang_getCursorKind(clang_getCursorSemanticParent(decl)) == CXCursor_TranslationUnit)
        t->name = strip_qualifiers(cx_string(clang_getTypedefName(named)));
    return t;
}

Type *lower_type(CXType written, SrcLoc loc) {
    CXType t = clang_getCanonicalType(written);
    Type *result = NULL;
    switch (t.kind) {
    case CXType_Void: result = type_new(TY_VOID); break;
    case CXType_Float: result = type_new(TY_FLOAT); break;
    case CXType_Double: result = type_new(TY_DOUBLE); break;
    case CXType_LongDouble: result = type_new(TY_LONG_DOUBLE); break;
    case CXType_Bool: case CXType_Char_S: case CXType_Char_U: case CXType_SChar: case CXType_UChar:
    case CXType_Short: case CXType_UShort: case CXType_Int: case CXType_UInt: case CXType_Long:
    case CXType_ULong: case CXType_LongLong: case CXType_ULongLong: case CXType_Enum:
        result = lower_integer(written.kind == CXType_Elaborated ? clang_Type_getNamedType(written) : written, t.kind);
        break;
    case CXType_Pointer: {
        CXType pointee = clang_getPointeeType(written.kind == CXType_Pointer ? written : t);
        CXType function = clang_getCanonicalType(pointee);
        if (function.kind == CXType_FunctionProto || function.kind == CXType_FunctionNoProto) {
            result = lower_function_pointer(written, function, loc);
            break;
        }
        Type *base = lower_type(pointee, loc);
        result = base ? type_pointer_to(base) : NULL;
        break;
    }
    case CXType_ConstantArray: case CXType_IncompleteArray: case CXType_VariableArray: {
        bool array_written = written.kind == CXType_ConstantArray || written.kind == CXType_IncompleteArray ||
                             written.kind == CXType_VariableArray;
        Type *base = lower_type(clang_getArrayElementType(array_written ? written : t), loc);
        if (!base)
            return NULL;
        result = type_new(TY_ARRAY);
        result->base = base;
        result->is_const = base->is_const; /* an array of const elements is read-only (C23 6.7.4) */
        result->array_len = t.kind == CXType_ConstantArray ? clang_getArraySize(t) : -1;
        result->vla = t.kind == CXType_VariableArray; /* its length: lower_vla.c, in a declaration */
        break;
    }
    case CXType_FunctionProto: case CXType_FunctionNoProto:
        /* a parameter of function type (`double *f(double t, int m, double u[])`, Burkardt's
         * rk4vec): C adjusts it to a pointer to the function (C11 6.7.6.3), spelled out */
        result = lower_function_type(t, loc);
        break;
    case CXType_Record:
        result = lower_record(written, t, loc);
        break;
    default:
        error_at(loc, "unsupported type '%s'", cx_string(clang_getTypeSpelling(written)));
        return NULL;
    }
    if (result && clang_isConstQualifiedType(written)) {
        if (result->kind == TY_STRUCT) { /* struct types are shared: qualify a copy */
            Type *copy = ir_alloc(sizeof *copy);
            *copy = *result;
            result = copy;
            append_type(&const_structs, &nconst_structs, copy);
        }
        result->is_const = true;
    }
    return result;
}
