// swift-format-ignore-file
// The JSON below is the spec itself, edited by hand; OpenAPIDocumentTests checks that its paths
// and the router's routes are the same set and that every documented route answers.

/// The OpenAPI 3 document of the server, served at `/api/openapi.json` (compiled into the binary).
enum OpenAPIDocument {
  static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "PolicyLens workbench API",
    "version": "1",
    "description": "The JSON documents of the policylens CLI's --json output, served over one model. Every JSON document carries formatVersion. Routes tagged pages answer HTML."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "security": [
    {},
    {
      "bearerAuth": []
    }
  ],
  "paths": {
    "/": {
      "get": {
        "operationId": "searchPage",
        "summary": "Search page (the form; results when q is given)",
        "tags": [
          "pages"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/qOptional"
          },
          {
            "$ref": "#/components/parameters/region"
          },
          {
            "$ref": "#/components/parameters/theme"
          },
          {
            "$ref": "#/components/parameters/since"
          },
          {
            "$ref": "#/components/parameters/until"
          },
          {
            "$ref": "#/components/parameters/n"
          }
        ],
        "responses": {
          "200": {
            "description": "An HTML page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Timeout"
          }
        }
      }
    },
    "/articles/{id}": {
      "get": {
        "operationId": "articlePage",
        "summary": "Article page",
        "tags": [
          "pages"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "An HTML page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "Unknown article (HTML page)",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Timeout"
          }
        }
      }
    },
    "/themes": {
      "get": {
        "operationId": "themesPage",
        "summary": "Themes page",
        "tags": [
          "pages"
        ],
        "parameters": [],
        "responses": {
          "200": {
            "description": "An HTML page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Timeout"
          }
        }
      }
    },
    "/themes/{key}": {
      "get": {
        "operationId": "themePage",
        "summary": "One theme: its trend over issues, the articles worth marking, its articles with mark forms",
        "tags": [
          "pages"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/key"
          },
          {
            "name": "n",
            "in": "query",
            "required": false,
            "description": "Articles listed, most probable first (default 100).",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000
            }
          }
        ],
        "responses": {
          "200": {
            "description": "An HTML page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "Unknown theme (HTML page)",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Timeout"
          },
          "400": {
            "description": "A malformed parameter (HTML page naming it)",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/api/search": {
      "get": {
        "operationId": "search",
        "summary": "Articles most like a free text (similar --text … --json), with filters",
        "tags": [
          "api"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/q"
          },
          {
            "$ref": "#/components/parameters/region"
          },
          {
            "$ref": "#/components/parameters/theme"
          },
          {
            "$ref": "#/components/parameters/since"
          },
          {
            "$ref": "#/components/parameters/until"
          },
          {
            "$ref": "#/components/parameters/n"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SimilarDocument"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Timeout"
          }
        }
      }
    },
    "/api/articles/{id}": {
      "get": {
        "operationId": "article",
        "summary": "An article with its body, its themes with evidence and similar policies in other regions",
        "tags": [
          "api"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ArticleDetailDocument"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Timeout"
          }
        }
      }
    },
    "/api/articles/{id}/similar": {
      "get": {
        "operationId": "similar",
        "summary": "Articles most like one article (similar ID --json)",
        "tags": [
          "api"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          },
          {
            "$ref": "#/components/parameters/region"
          },
          {
            "$ref": "#/components/parameters/theme"
          },
          {
            "$ref": "#/components/parameters/since"
          },
          {
            "$ref": "#/components/parameters/until"
          },
          {
            "$ref": "#/components/parameters/n"
          },
          {
            "$ref": "#/components/parameters/otherRegions"
          },
          {
            "$ref": "#/components/parameters/onePerRegion"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SimilarDocument"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Timeout"
          }
        }
      }
    },
    "/api/themes": {
      "get": {
        "operationId": "themes",
        "summary": "Every theme with its article counts (themes --json)",
        "tags": [
          "api"
        ],
        "parameters": [],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ThemesDocument"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Timeout"
          }
        }
      }
    },
    "/api/themes/{key}": {
      "get": {
        "operationId": "theme",
        "summary": "One theme and the articles that carry it, most probable first",
        "tags": [
          "api"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/key"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ThemeArticlesDocument"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Timeout"
          }
        }
      }
    },
    "/api/tag/{id}": {
      "get": {
        "operationId": "tag",
        "summary": "An article's themes (tag ID --json)",
        "tags": [
          "api"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/id"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TagDocument"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Timeout"
          }
        }
      }
    },
    "/api/clusters": {
      "get": {
        "operationId": "clusters",
        "summary": "Topic clusters (clusters --json; the tree's printed lines are not served)",
        "tags": [
          "api"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/k"
          },
          {
            "$ref": "#/components/parameters/method"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ClustersDocument"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Timeout"
          }
        }
      }
    },
    "/api/timeline": {
      "get": {
        "operationId": "timeline",
        "summary": "Themes or clusters per period with trends (timeline --json)",
        "tags": [
          "api"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/by"
          },
          {
            "$ref": "#/components/parameters/categories"
          },
          {
            "$ref": "#/components/parameters/timelineRegion"
          }
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TimelineDocument"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Timeout"
          }
        }
      }
    },
    "/api/openapi.json": {
      "get": {
        "operationId": "openapi",
        "summary": "This document",
        "tags": [
          "api"
        ],
        "parameters": [],
        "responses": {
          "200": {
            "description": "The OpenAPI 3 document",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Timeout"
          }
        }
      }
    },
    "/clusters": {
      "get": {
        "operationId": "clustersPage",
        "summary": "Clusters page: the report's cluster cards, live, linking to article pages",
        "tags": [
          "pages"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/k"
          },
          {
            "$ref": "#/components/parameters/method"
          }
        ],
        "responses": {
          "200": {
            "description": "An HTML page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "A malformed parameter (HTML page naming it)",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Timeout"
          }
        }
      }
    },
    "/timeline": {
      "get": {
        "operationId": "timelinePage",
        "summary": "Timeline page: the report's heat map, live, and each period's articles",
        "tags": [
          "pages"
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/by"
          },
          {
            "$ref": "#/components/parameters/categories"
          },
          {
            "$ref": "#/components/parameters/timelineRegion"
          }
        ],
        "responses": {
          "200": {
            "description": "An HTML page",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "A malformed parameter (HTML page naming it)",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/Timeout"
          }
        }
      }
    },
    "/marks": {
      "post": {
        "operationId": "markArticle",
        "summary": "Mark an article as an example or counter-example of a theme (the pages' form; written to the themes file under the model's writer lock)",
        "tags": [
          "pages"
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/x-www-form-urlencoded": {
              "schema": {
                "type": "object",
                "required": [
                  "form",
                  "theme",
                  "article",
                  "mark"
                ],
                "properties": {
                  "form": {
                    "type": "string",
                    "description": "The form token the server's pages carry (cross-site request forgery protection)."
                  },
                  "theme": {
                    "type": "string",
                    "description": "The theme's key."
                  },
                  "article": {
                    "type": "string",
                    "description": "The article's id."
                  },
                  "mark": {
                    "type": "string",
                    "enum": [
                      "example",
                      "counter-example",
                      "none"
                    ]
                  },
                  "back": {
                    "type": "string",
                    "enum": [
                      "article",
                      "theme"
                    ],
                    "description": "The page to return to (default theme)."
                  }
                }
              }
            }
          }
        },
        "responses": {
          "303": {
            "description": "Recorded; Location is the article or theme page",
            "headers": {
              "Location": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "A malformed or missing field, or a mark the themes file cannot record (HTML page naming it)",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "403": {
            "description": "The form token is missing or stale, or the form came from another site (HTML page)",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "Unknown theme or article (HTML page)",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "413": {
            "description": "The body is larger than the limit (HTML page)",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "415": {
            "description": "Not a form (HTML page)",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "500": {
            "description": "The themes file could not be read or written; nothing changed (HTML page)",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          }
        }
      }
    }
  },
  "components": {
    "parameters": {
      "q": {
        "name": "q",
        "in": "query",
        "required": true,
        "description": "Free text to search for (as similar --text).",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 500
        }
      },
      "qOptional": {
        "name": "q",
        "in": "query",
        "required": false,
        "description": "Free text to search for; the page shows only the form without it.",
        "schema": {
          "type": "string",
          "maxLength": 500
        }
      },
      "region": {
        "name": "region",
        "in": "query",
        "required": false,
        "description": "Only articles of this region or city (上海, 深圳 …).",
        "schema": {
          "type": "string",
          "maxLength": 40
        }
      },
      "timelineRegion": {
        "name": "region",
        "in": "query",
        "required": false,
        "description": "Only articles of this region.",
        "schema": {
          "type": "string",
          "maxLength": 40
        }
      },
      "theme": {
        "name": "theme",
        "in": "query",
        "required": false,
        "description": "Only articles carrying this theme (key or name).",
        "schema": {
          "type": "string",
          "maxLength": 80
        }
      },
      "since": {
        "name": "since",
        "in": "query",
        "required": false,
        "description": "Only articles dated on or after this date (2024, 2024-06, 2024-06-30).",
        "schema": {
          "type": "string",
          "pattern": "^[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?$",
          "maxLength": 10
        }
      },
      "until": {
        "name": "until",
        "in": "query",
        "required": false,
        "description": "Only articles dated on or before this date.",
        "schema": {
          "type": "string",
          "pattern": "^[0-9]{4}(-[0-9]{1,2}(-[0-9]{1,2})?)?$",
          "maxLength": 10
        }
      },
      "n": {
        "name": "n",
        "in": "query",
        "required": false,
        "description": "Number of results (default 10).",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 100
        }
      },
      "id": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "An article id, percent-encoded (2024-21#4 → 2024-21%234).",
        "schema": {
          "type": "string"
        }
      },
      "key": {
        "name": "key",
        "in": "path",
        "required": true,
        "description": "A theme key (see /api/themes).",
        "schema": {
          "type": "string"
        }
      },
      "otherRegions": {
        "name": "otherRegions",
        "in": "query",
        "required": false,
        "description": "Leave out the article's own place and its near-duplicates.",
        "schema": {
          "type": "boolean"
        }
      },
      "onePerRegion": {
        "name": "onePerRegion",
        "in": "query",
        "required": false,
        "description": "Keep only the best article of each region.",
        "schema": {
          "type": "boolean"
        }
      },
      "k": {
        "name": "k",
        "in": "query",
        "required": false,
        "description": "Number of clusters (default: chosen by silhouette); at most 100 and the number of articles.",
        "schema": {
          "type": "integer",
          "minimum": 2,
          "maximum": 100
        }
      },
      "method": {
        "name": "method",
        "in": "query",
        "required": false,
        "description": "Clustering method.",
        "schema": {
          "type": "string",
          "enum": [
            "spherical-k-means",
            "average-linkage"
          ]
        }
      },
      "by": {
        "name": "by",
        "in": "query",
        "required": false,
        "description": "Period.",
        "schema": {
          "type": "string",
          "enum": [
            "issue",
            "month",
            "quarter"
          ]
        }
      },
      "categories": {
        "name": "categories",
        "in": "query",
        "required": false,
        "description": "What is counted per period.",
        "schema": {
          "type": "string",
          "enum": [
            "themes",
            "clusters"
          ]
        }
      }
    },
    "schemas": {
      "SimilarityMatch": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "region": {
            "type": "string"
          },
          "city": {
            "type": [
              "string",
              "null"
            ]
          },
          "date": {
            "type": [
              "string",
              "null"
            ]
          },
          "score": {
            "type": "number"
          },
          "lexicalScore": {
            "type": "number"
          },
          "latentScore": {
            "type": "number"
          },
          "terms": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "relatedTerms": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "id",
          "title",
          "region",
          "city",
          "date",
          "score",
          "lexicalScore",
          "latentScore",
          "terms",
          "relatedTerms"
        ]
      },
      "SimilarDocument": {
        "type": "object",
        "properties": {
          "formatVersion": {
            "type": "integer"
          },
          "query": {
            "type": "string"
          },
          "queryTitle": {
            "type": "string"
          },
          "results": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SimilarityMatch"
            }
          }
        },
        "required": [
          "formatVersion",
          "query",
          "results"
        ]
      },
      "ThemeCount": {
        "type": "object",
        "properties": {
          "key": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "articleCount": {
            "type": "integer"
          },
          "articlesWithSeedTerms": {
            "type": "integer"
          },
          "unmatchedSeedTerms": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        },
        "required": [
          "key",
          "name",
          "description",
          "articleCount",
          "articlesWithSeedTerms",
          "unmatchedSeedTerms"
        ]
      },
      "ThemesDocument": {
        "type": "object",
        "properties": {
          "formatVersion": {
            "type": "integer"
          },
          "themes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ThemeCount"
            }
          }
        },
        "required": [
          "formatVersion",
          "themes"
        ]
      },
      "ArticleThemes": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "region": {
            "type": "string"
          },
          "themes": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "key": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                },
                "score": {
                  "type": "number"
                },
                "evidence": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                }
              },
              "required": [
                "key",
                "name",
                "score",
                "evidence"
              ]
            }
          }
        },
        "required": [
          "id",
          "title",
          "region",
          "themes"
        ]
      },
      "TagDocument": {
        "type": "object",
        "properties": {
          "formatVersion": {
            "type": "integer"
          },
          "articles": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ArticleThemes"
            }
          }
        },
        "required": [
          "formatVersion",
          "articles"
        ]
      },
      "ThemeArticlesDocument": {
        "type": "object",
        "properties": {
          "formatVersion": {
            "type": "integer"
          },
          "theme": {
            "$ref": "#/components/schemas/ThemeCount"
          },
          "articles": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ArticleThemes"
            }
          }
        },
        "required": [
          "formatVersion",
          "theme",
          "articles"
        ]
      },
      "ThemeExplanation": {
        "type": "object",
        "properties": {
          "key": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "probability": {
            "type": "number"
          },
          "isTagged": {
            "type": "boolean"
          },
          "descriptionTerms": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "evidence": {
            "type": "object",
            "properties": {
              "titleCount": {
                "type": "integer"
              },
              "leadCount": {
                "type": "integer"
              },
              "bodyCount": {
                "type": "integer"
              },
              "bodyLength": {
                "type": "integer"
              },
              "distinctPhraseCount": {
                "type": "integer"
              },
              "nameInTitle": {
                "type": "boolean"
              },
              "descriptionCount": {
                "type": "integer"
              },
              "latentSimilarity": {
                "type": "number"
              },
              "matchedPhrases": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "phrase": {
                      "type": "string"
                    },
                    "count": {
                      "type": "integer"
                    }
                  },
                  "required": [
                    "phrase",
                    "count"
                  ]
                }
              }
            },
            "required": [
              "titleCount",
              "leadCount",
              "bodyCount",
              "bodyLength",
              "matchedPhrases"
            ]
          }
        },
        "required": [
          "key",
          "name",
          "probability",
          "isTagged",
          "descriptionTerms",
          "evidence"
        ]
      },
      "Article": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string"
          },
          "file": {
            "type": "string"
          },
          "publication": {
            "type": "string"
          },
          "issue": {
            "type": "string"
          },
          "date": {
            "type": "string"
          },
          "region": {
            "type": "string"
          },
          "city": {
            "type": "string"
          },
          "section": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "body": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "source": {
            "type": "string"
          },
          "source_date": {
            "type": "string"
          },
          "urls": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "lines": {
            "type": "object",
            "properties": {
              "first": {
                "type": "integer"
              },
              "last": {
                "type": "integer"
              }
            },
            "required": [
              "first",
              "last"
            ]
          }
        },
        "required": [
          "id",
          "file",
          "publication",
          "issue",
          "region",
          "section",
          "title",
          "body",
          "urls",
          "lines"
        ]
      },
      "ArticleDetailDocument": {
        "type": "object",
        "properties": {
          "formatVersion": {
            "type": "integer"
          },
          "article": {
            "$ref": "#/components/schemas/Article"
          },
          "themes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ThemeExplanation"
            }
          },
          "similarInOtherRegions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SimilarityMatch"
            }
          }
        },
        "required": [
          "formatVersion",
          "article",
          "themes",
          "similarInOtherRegions"
        ]
      },
      "ClustersDocument": {
        "type": "object",
        "properties": {
          "formatVersion": {
            "type": "integer"
          },
          "method": {
            "type": "string"
          },
          "clusterCount": {
            "type": "integer"
          },
          "silhouette": {
            "type": [
              "number",
              "null"
            ]
          },
          "clusters": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "number": {
                  "type": "integer"
                },
                "terms": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                },
                "regionCount": {
                  "type": "integer"
                },
                "issueCount": {
                  "type": "integer"
                },
                "articles": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "id": {
                        "type": "string"
                      },
                      "title": {
                        "type": "string"
                      },
                      "region": {
                        "type": "string"
                      },
                      "city": {
                        "type": "string"
                      },
                      "date": {
                        "type": "string"
                      },
                      "issue": {
                        "type": "string"
                      },
                      "similarity": {
                        "type": "number"
                      }
                    },
                    "required": [
                      "id",
                      "title",
                      "region",
                      "issue",
                      "similarity"
                    ]
                  }
                }
              },
              "required": [
                "number",
                "terms",
                "regionCount",
                "issueCount",
                "articles"
              ]
            }
          }
        },
        "required": [
          "formatVersion",
          "method",
          "clusterCount",
          "clusters"
        ]
      },
      "TimelineDocument": {
        "type": "object",
        "properties": {
          "formatVersion": {
            "type": "integer"
          },
          "granularity": {
            "type": "string"
          },
          "categories": {
            "type": "string"
          },
          "region": {
            "type": "string"
          },
          "periods": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "series": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "category": {
                  "type": "string"
                },
                "counts": {
                  "type": "array",
                  "items": {
                    "type": "integer"
                  }
                },
                "shares": {
                  "type": "array",
                  "items": {
                    "type": "number"
                  }
                }
              },
              "required": [
                "category",
                "counts",
                "shares"
              ]
            }
          },
          "trends": {
            "type": "array",
            "items": {
              "type": "object"
            }
          }
        },
        "required": [
          "formatVersion",
          "granularity",
          "categories",
          "periods",
          "series",
          "trends"
        ]
      },
      "Error": {
        "type": "object",
        "properties": {
          "error": {
            "type": "object",
            "properties": {
              "status": {
                "type": "integer"
              },
              "message": {
                "type": "string"
              },
              "parameter": {
                "type": "string"
              }
            },
            "required": [
              "status",
              "message"
            ]
          }
        },
        "required": [
          "error"
        ]
      }
    },
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "Only when the server was started with --token (?token= also works)."
      }
    },
    "responses": {
      "BadRequest": {
        "description": "A malformed or out-of-range parameter; error.parameter names it",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          },
          "text/html": {
            "schema": {
              "type": "string"
            }
          }
        }
      },
      "NotFound": {
        "description": "Unknown article id or theme key",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          },
          "text/html": {
            "schema": {
              "type": "string"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "The server needs its token (--token)",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          },
          "text/html": {
            "schema": {
              "type": "string"
            }
          }
        }
      },
      "Timeout": {
        "description": "The request took longer than the time limit, or it needs the themes, which are still being tagged after a (re)load of the model (JSON error under /api/, an HTML page elsewhere)",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          },
          "text/html": {
            "schema": {
              "type": "string"
            }
          }
        }
      }
    }
  }
}
"""#
}
