#!/usr/bin/env python3
"""Regenerates the query mappers in src/main/resources/de/nrw/intervention/inbox/ from the engine's own mapping
files (inside camunda-engine-<version>.jar in the local Maven repository):

  TaskQueryWithExistsAuthorization.xml      from Task.xml             (task lists and counts, Tasklist filters)
  VariableQueryWithExistsAuthorization.xml  from VariableInstance.xml (variables of listed tasks, GET /variable-instance)

Each is the engine's query with one change, the authorization check (see ExistsAuthorization.xml).
Run after a Camunda upgrade:  python3 scripts/generate-task-query-mapper.py
ExistsAuthorizationMapperUpToDateTest fails until the mappers match the engine on the classpath.
"""
import hashlib
import os
import re
import sys
import zipfile

ROOT = os.path.dirname(os.path.abspath(os.path.dirname(__file__)))
OUT_DIR = os.path.join(ROOT, 'src/main/resources/de/nrw/intervention/inbox')
ENTITY = 'org/camunda/bpm/engine/impl/mapping/entity/'
ENGINE_NS = 'org.camunda.bpm.engine.impl.persistence.entity.'
CONTEXTUAL_CHECK = ('<include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity'
                    '.contextualAuthorizationCheck" />')

TARGETS = [
    {
        'file': 'Task.xml',
        'out': 'TaskQueryWithExistsAuthorization.xml',
        'namespace': 'de.nrw.intervention.inbox.TaskQueryWithExistsAuthorization',
        'what': 'task query',
        'fragment': 'selectTaskByQueryCriteriaSql',
        'task_query': True,
        'from_line': '    from ${prefix}ACT_RU_TASK RES',
        'statements': '''  <!-- As the engine's selectTaskByQueryCriteria, with the criteria below. -->
  <select id="selectTaskByQueryCriteriaWithExistsAuthorization" parameterType="org.camunda.bpm.engine.impl.TaskQueryImpl"
      resultMap="org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.taskResultMap">
    <include refid="org.camunda.bpm.engine.impl.persistence.entity.Commons.bindOrderBy"/>
    <include refid="bindShape"/>
    <bind name="AUTH_PER_ROW" value="true" />
    ${limitBefore}
    select <if test="TASK_ROWS_REPEAT">${distinct}</if>
    <include refid="org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.columnSelection"/>
    ${limitBetween}
    <if test="taskNameCaseInsensitive">
      , lower(RES.NAME_) LOWER_NAME_
    </if>
    <include refid="org.camunda.bpm.engine.impl.persistence.entity.Commons.orderBySelection"/>
    <include refid="selectTaskByQueryCriteriaSql"/>
    ${orderBy}
    <include refid="pageLimit"/>
  </select>

  <!--
    PostgreSQL plans a statement it has run five times once for any parameters. With the page size as a parameter
    that plan does not know a page has 15 rows and sorts every visible task instead of reading 15 in index order.
    So the two numbers are written into the statement there (integers of the query object, never user text).
  -->
  <sql id="pageLimit">
    <choose>
      <when test="'${interventionDatabaseType}' == 'postgres'">LIMIT ${maxResults} OFFSET ${firstResult}</when>
      <otherwise>${limitAfter}</otherwise>
    </choose>
  </sql>

  <!-- As the engine's selectTaskCountByQueryCriteria, with the criteria below. -->
  <select id="selectTaskCountByQueryCriteriaWithExistsAuthorization" parameterType="org.camunda.bpm.engine.impl.TaskQueryImpl"
      resultType="long">
    <include refid="bindShape"/>
    <bind name="AUTH_PER_ROW" value="false" />
    <choose>
      <when test="TASK_ROWS_REPEAT">${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}</when>
      <otherwise>select count(RES.ID_)</otherwise>
    </choose>
    <include refid="selectTaskByQueryCriteriaSql"/>
    <if test="TASK_ROWS_REPEAT">${countDistinctAfterEnd}</if>
  </select>

  <!--
    CANDIDATE_EXISTS: the candidate condition as EXISTS, without the identity link join. TASK_ROWS_REPEAT: a join
    can repeat a task, so the statement needs DISTINCT (QueryShape says when).
  -->
  <sql id="bindShape">
    <bind name="CANDIDATE_EXISTS" value="@de.nrw.intervention.inbox.QueryShape@candidateExists(_parameter)" />
    <bind name="TASK_ROWS_REPEAT" value="@de.nrw.intervention.inbox.QueryShape@taskRowsRepeat(_parameter)" />
  </sql>
''',
    },
    {
        'file': 'VariableInstance.xml',
        'out': 'VariableQueryWithExistsAuthorization.xml',
        'namespace': 'de.nrw.intervention.inbox.VariableQueryWithExistsAuthorization',
        'what': 'variable instance query',
        'fragment': 'selectVariableInstanceByQueryCriteriaSql',
        'from_line': '          from ${prefix}ACT_RU_VARIABLE RES',
        'statements': '''  <!-- As the engine's selectVariableInstanceByQueryCriteria, with the criteria below. -->
  <select id="selectVariableInstanceByQueryCriteriaWithExistsAuthorization"
      parameterType="org.camunda.bpm.engine.impl.VariableInstanceQueryImpl"
      resultMap="org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity.variableInstanceResultMap">
    <include refid="org.camunda.bpm.engine.impl.persistence.entity.Commons.bindOrderBy"/>
    <bind name="AUTH_PER_ROW" value="true" />
    ${limitBefore}
    select ${distinct} RES.*
    ${limitBetween}
    <include refid="selectVariableInstanceByQueryCriteriaSql"/>
    ${orderBy}
    ${limitAfter}
  </select>

  <!-- As the engine's selectVariableInstanceCountByQueryCriteria, with the criteria below. -->
  <select id="selectVariableInstanceCountByQueryCriteriaWithExistsAuthorization"
      parameterType="org.camunda.bpm.engine.impl.VariableInstanceQueryImpl" resultType="long">
    <bind name="AUTH_PER_ROW" value="false" />
    ${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}
    <include refid="selectVariableInstanceByQueryCriteriaSql"/>
    ${countDistinctAfterEnd}
  </select>
''',
    },
]

HEADER = '''<?xml version="1.0" encoding="UTF-8" ?>
<!--
  The engine's WHAT (camunda-engine VERSION, org/camunda/bpm/engine/impl/mapping/entity/FILE,
  Apache License 2.0, Copyright Camunda Services GmbH) with one change: the authorization check, made with
  the sub-selects of ExistsAuthorization.xml instead of the engine's join (why: see there).
  FILE sha256: SHA256

  GENERATED by scripts/generate-task-query-mapper.py from the engine jar: do not edit, regenerate after a Camunda
  upgrade (ExistsAuthorizationMapperUpToDateTest tells). Lines marked CHANGED differ from the engine's file.
-->
<!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
<mapper namespace="NAMESPACE">

'''


def engine_version():
    pom = open(os.path.join(ROOT, 'pom.xml'), encoding='utf-8').read()
    return re.search(r'<camunda.version>([^<]+)</camunda.version>', pom).group(1)


def engine_file(version, name):
    jar = os.path.expanduser(f'~/.m2/repository/org/camunda/bpm/camunda-engine/{version}/camunda-engine-{version}.jar')
    with zipfile.ZipFile(jar) as archive:
        return archive.read(ENTITY + name).decode('utf-8')


def replace_once(text, old, new, source):
    if text.count(old) != 1:
        sys.exit(f'{source} changed: expected exactly one occurrence of:\n{old}\nAdapt this script.')
    return text.replace(old, new)


def criteria_fragment(xml, target):
    source = target['file']
    start = xml.index(f'  <sql id="{target["fragment"]}">')
    end = xml.index('  </sql>', start) + len('  </sql>')
    text = xml[start:end]
    # Includes relative to the engine's namespace must name it here.
    namespace = re.search(r'<mapper namespace="([^"]+)"', xml).group(1)
    text = re.sub(r'<include refid="([^".]+)"', lambda m: f'<include refid="{namespace}.{m.group(1)}"', text)
    text = replace_once(text, target['from_line'],
                        '    <include refid="de.nrw.intervention.inbox.ExistsAuthorization.bind" /><!-- CHANGED -->\n'
                        + target['from_line'], source)
    text = replace_once(text, '<if test="!authCheck.revokeAuthorizationCheckEnabled">',
                        '<if test="!authCheck.revokeAuthorizationCheckEnabled &amp;&amp; !EXISTS_AUTH">'
                        '<!-- CHANGED: no join where the sub-selects apply -->', source)
    if target.get('task_query'):
        text = task_query_changes(text, source)
    check_line = re.search(r'^( *)' + re.escape(CONTEXTUAL_CHECK) + r' *\n', text, re.M)
    if check_line is None or text.count(CONTEXTUAL_CHECK) != 1:
        sys.exit(f'{source} changed: the contextual authorization check is not where it was. Adapt this script.')
    pad = check_line.group(1)
    text = text.replace(check_line.group(0),
                        f'{pad}<!-- CHANGED: the grant check as uncorrelated sub-selects instead of the join. -->\n'
                        f'{pad}<choose>\n'
                        f'{pad}  <when test="EXISTS_AUTH">\n'
                        f'{pad}    <include refid="de.nrw.intervention.inbox.ExistsAuthorization.check" />\n'
                        f'{pad}  </when>\n'
                        f'{pad}  <otherwise>\n'
                        f'{pad}    {CONTEXTUAL_CHECK}\n'
                        f'{pad}  </otherwise>\n'
                        f'{pad}</choose>\n', 1)
    return text


def task_query_changes(text, source):
    """The task query's changes besides the grant check: candidates as EXISTS (QueryShape.candidateExists), the
    process-definition join and the tenant check in forms that keep the page's index order."""
    join = '      left join ${prefix}ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_\n'
    text = replace_once(text, join,
                        '      <if test="!CANDIDATE_EXISTS"><!-- CHANGED: no join where the EXISTS below applies -->\n'
                        '  ' + join + '      </if>\n', source)
    start = text.index('<if test="query.candidateUser != null || query.candidateGroups != null || query.candidateGroupLike '
                       '!= null || query.withCandidateGroups || query.withCandidateUsers">')
    end = text.index('</trim>', start)
    block = text[start:end]
    candidate = "                and I.TYPE_ = 'candidate'\n"
    # A count reads every visible task anyway: there the task ids offered to the groups, read once, are cheaper
    # than one probe per task (H2 looks them up by primary key; PostgreSQL plans both as the same semi-join).
    block = replace_once(block, candidate,
                         '                <if test="CANDIDATE_EXISTS"><!-- CHANGED: as EXISTS, no join -->\n'
                         '                  <choose>\n'
                         '                    <when test="AUTH_PER_ROW">and EXISTS (select 1 from ${prefix}ACT_RU_IDENTITYLINK I '
                         'where I.TASK_ID_ = RES.ID_</when>\n'
                         '                    <otherwise>and RES.ID_ IN (select I.TASK_ID_ from ${prefix}ACT_RU_IDENTITYLINK I '
                         'where 1 = 1</otherwise>\n'
                         '                  </choose>\n'
                         '                </if>\n' + candidate, source)
    block = block.rstrip(' ') + '                <if test="CANDIDATE_EXISTS">)</if><!-- CHANGED -->\n              '
    text = text[:start] + block + text[end:]
    # Inner join on the process definitions lets H2 start from them and sort every task; the equal left join with
    # D.ID_ IS NOT NULL keeps the task table first, so an index in the page's order can stop after the page.
    # (PostgreSQL turns it back into the inner join.)
    text = replace_once(text, '<when test="queryForProcessTasksOnly">inner join</when>',
                        '<when test="queryForProcessTasksOnly">left join</when><!-- CHANGED: see D.ID_ IS NOT NULL -->',
                        source)
    text = replace_once(text, '<include refid="org.camunda.bpm.engine.impl.persistence.entity.TenantEntity.queryTenantCheck" />',
                        '<include refid="de.nrw.intervention.inbox.ExistsAuthorization.tenantCheck" /><!-- CHANGED -->',
                        source)
    # OGNL finds the getter of a property "x" (getX/isX) in its cache; for a property named like the method itself
    # ("isOrQueryActive") it scans all public methods of TaskQueryImpl on every evaluation (no negative cache): about
    # 0.5 MB of garbage per statement, 13 % of all allocation under Tasklist's list and count requests on H2.
    for method in ('isOrQueryActive', 'isWithoutTenantId'):
        prop = method[2].lower() + method[3:]
        text = replace_once(text, f'<if test="query.{method}">',
                            f'<if test="query.{prop}"><!-- CHANGED: {method}() as a property, cached getter -->', source)
    bind = '      <bind name="applyAuthorizationCheckForCaseInstances" value="authCheck.useLeftJoin" />\n'
    text = replace_once(text, bind,
                        '      <if test="D_JOIN &amp;&amp; queryForProcessTasksOnly">and D.ID_ IS NOT NULL</if><!-- CHANGED -->\n'
                        + bind, source)
    return text


def generate(version, target):
    xml = engine_file(version, target['file'])
    digest = hashlib.sha256(xml.encode('utf-8')).hexdigest()
    header = (HEADER.replace('WHAT', target['what']).replace('VERSION', version).replace('FILE', target['file'])
              .replace('SHA256', digest).replace('NAMESPACE', target['namespace']))
    body = (target['statements'] + '\n  <!-- From here: the engine\'s ' + target['fragment']
            + ', with the CHANGED lines. -->\n' + criteria_fragment(xml, target))
    path = os.path.join(OUT_DIR, target['out'])
    with open(path, 'w', encoding='utf-8') as out:
        out.write(header + body + '\n\n</mapper>\n')
    print(f'wrote {os.path.relpath(path, ROOT)} from camunda-engine {version} {target["file"]}')


def main():
    version = sys.argv[1] if len(sys.argv) > 1 else engine_version()
    for target in TARGETS:
        generate(version, target)


if __name__ == '__main__':
    main()
